package dev.parley.transport.socket;

import dev.parley.api.TransportConfig;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionInitializer;
import dev.parley.spi.Transport;
import dev.parley.spi.TransportProvider;
import dev.parley.transport.socket.internal.SocketConnection;
import dev.parley.transport.socket.internal.SocketListener;
import dev.parley.transport.socket.internal.WriteWatchdog;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The {@code socket} transport: blocking TCP sockets with virtual threads.
 *
 * <p>Per listener, one virtual thread accepts ({@code parley-socket-accept-<port>}). Per
 * connection, one virtual thread reads ({@code parley-socket-read-<remote>}) and one writes
 * ({@code parley-socket-write-<remote>}); one more virtual thread per provider instance
 * ({@code parley-socket-watchdog}) runs while any connection is open and closes those whose
 * output made no progress within {@link TransportConfig#writeTimeout()}. {@code TCP_NODELAY} is
 * on.
 *
 * <p>Threading contract for handlers: every {@link dev.parley.spi.ConnectionHandler} method of a
 * connection is called on that connection's own reader thread, one at a time and in order, with
 * {@code onClosed} last. The initializer of an accepted connection runs on its reader thread too,
 * before the first read; the initializer of an outbound connection runs on the thread that calls
 * {@link #connect}. Because the reader is a virtual thread of its own, a handler that blocks
 * briefly only delays its own connection, but as the SPI says it should not block: while it
 * does, nothing is read from that peer.
 *
 * <p>Reads go into one reused buffer of {@link TransportConfig#readBufferBytes()}. Writes are
 * queued up to {@link TransportConfig#maxOutboundBytes()} and written by the writer thread in
 * gathering writes, so many small sends cost one system call. {@code send} never blocks; a full
 * queue or stalled output closes the connection with a
 * {@link dev.parley.api.SlowConsumerException}.
 *
 * <p>Thread-safe. Has the public no-argument constructor {@link java.util.ServiceLoader} needs.
 */
public final class SocketTransportProvider implements TransportProvider {

    private final WriteWatchdog watchdog = new WriteWatchdog();

    /** Creates the provider; it holds no resources until something is bound or connected. */
    public SocketTransportProvider() {
    }

    /** Returns {@code socket}. */
    @Override
    public String name() {
        return "socket";
    }

    /**
     * Listens on {@code address}.
     *
     * @throws dev.parley.api.TransportException naming the address and what to do, for example
     *         {@code could not listen on 127.0.0.1:7600: Address already in use; stop the other
     *         server or pick another --port}
     */
    @Override
    public Transport bind(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initializer, "initializer");
        return SocketListener.open(address, config, initializer, watchdog);
    }

    /**
     * Connects to {@code address}, waiting at most {@link TransportConfig#connectTimeout()}, and
     * runs {@code initializer} on the calling thread before the first byte is read.
     *
     * @throws dev.parley.api.TransportException naming the address, for example {@code could not
     *         connect to 127.0.0.1:7600: Connection refused; is the server running?}
     */
    @Override
    public Connection connect(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initializer, "initializer");
        return SocketConnection.connect(address, config, initializer, watchdog);
    }
}
