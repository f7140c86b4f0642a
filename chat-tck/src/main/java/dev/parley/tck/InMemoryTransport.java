package dev.parley.tck;

import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionInitializer;
import dev.parley.spi.Transport;
import dev.parley.spi.TransportProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A transport without sockets, for engine tests (as Netty's {@code EmbeddedChannel} is): listeners
 * live in a registry inside this JVM, keyed by address, and connections are in-memory pipes.
 *
 * <p>It keeps the transport SPI's promises: bytes arrive in order, split into pieces of at most
 * the receiver's {@code readBufferBytes}; each end's handler is called one event at a time on
 * that end's own virtual thread; {@code onInputClosed} comes when the peer closes or
 * {@linkplain #shutdownOutput shuts down its output}; {@code onClosed} comes exactly once, last;
 * {@code close()} delivers what was already sent first. Bytes count as the sender's pending
 * output until the receiving handler has been handed them, so a reader that is
 * {@linkplain #pauseReading paused} or blocked makes the sender a slow consumer exactly as with
 * sockets: over {@code maxOutboundBytes}, or no progress within {@code writeTimeout}, the sender
 * is closed with a {@link dev.parley.api.SlowConsumerException} and the reader hears a reset.
 *
 * <p>Binding port 0 assigns a fresh fake port. Any {@code InMemoryTransport} instance reaches
 * every listener in the JVM. It is not registered with {@link java.util.ServiceLoader}; pass an
 * instance to the code under test.
 *
 * <p>Thread-safe.
 */
public final class InMemoryTransport implements TransportProvider {

    private static final Map<InetSocketAddress, MemoryListener> LISTENERS = new ConcurrentHashMap<>();
    private static final ReentrantLock BIND_LOCK = new ReentrantLock();
    private static final AtomicInteger NEXT_LISTEN_PORT = new AtomicInteger(20_000);
    private static final AtomicInteger NEXT_CLIENT_PORT = new AtomicInteger(40_000);

    /** Creates a provider; all instances share the JVM-wide registry of listeners. */
    public InMemoryTransport() {
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Transport bind(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initializer, "initializer");
        InetAddress host = resolved(address, "listen on");
        if (address.getPort() != 0) {
            InetSocketAddress key = new InetSocketAddress(host, address.getPort());
            MemoryListener listener = new MemoryListener(key, config, initializer);
            BIND_LOCK.lock();
            try {
                if (portInUse(key)) {
                    throw new TransportException("could not listen on " + hostPort(key)
                            + ": Address already in use; stop the other server or pick another --port");
                }
                LISTENERS.put(key, listener);
            } finally {
                BIND_LOCK.unlock();
            }
            return listener;
        }
        while (true) {
            int port = NEXT_LISTEN_PORT.getAndUpdate(p -> p >= 39_999 ? 20_000 : p + 1);
            InetSocketAddress key = new InetSocketAddress(host, port);
            MemoryListener listener = new MemoryListener(key, config, initializer);
            BIND_LOCK.lock();
            try {
                if (!portInUse(key)) {
                    LISTENERS.put(key, listener);
                    return listener;
                }
            } finally {
                BIND_LOCK.unlock();
            }
        }
    }

    @Override
    public Connection connect(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(initializer, "initializer");
        InetAddress host = resolved(address, "connect to");
        InetSocketAddress target = new InetSocketAddress(host, address.getPort());
        MemoryListener listener = find(target);
        InetSocketAddress clientAddress = new InetSocketAddress(host,
                NEXT_CLIENT_PORT.getAndUpdate(p -> p >= 65_535 ? 40_000 : p + 1));
        MemoryConnection client = new MemoryConnection(clientAddress, target, config, null, c -> { });
        if (listener != null) {
            MemoryConnection server = new MemoryConnection(target, clientAddress, listener.config(),
                    listener.initializer(), listener::remove);
            MemoryConnection.link(client, server);
            if (listener.accept(server)) {
                try {
                    client.handler(initializer.initialize(client));
                } catch (RuntimeException e) {
                    client.abort(e);
                    client.start();
                    throw e;
                }
                client.start();
                return client;
            }
        }
        throw new TransportException("could not connect to " + hostPort(target)
                + ": Connection refused; is the server running?");
    }

    /**
     * Stops handing bytes to {@code connection}'s handler until {@link #resumeReading}, as a peer
     * that does not read would; its peer's pending output then grows.
     *
     * @throws IllegalArgumentException when the connection does not come from this transport
     */
    public static void pauseReading(Connection connection) {
        memory(connection).pauseReading(true);
    }

    /** Resumes handing bytes to {@code connection}'s handler. @see #pauseReading */
    public static void resumeReading(Connection connection) {
        memory(connection).pauseReading(false);
    }

    /**
     * Shuts down {@code connection}'s output (a TCP half-close): its peer hears
     * {@code onInputClosed} after the bytes already sent, later sends return {@code false}, and
     * the connection still receives until it is closed.
     *
     * @throws IllegalArgumentException when the connection does not come from this transport
     */
    public static void shutdownOutput(Connection connection) {
        memory(connection).shutdownOutput();
    }

    static void unregister(MemoryListener listener) {
        LISTENERS.remove(listener.localAddress(), listener);
    }

    static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static MemoryListener find(InetSocketAddress target) {
        MemoryListener exact = LISTENERS.get(target);
        if (exact != null) {
            return exact;
        }
        for (MemoryListener l : LISTENERS.values()) {
            InetSocketAddress a = l.localAddress();
            if (a.getPort() == target.getPort() && a.getAddress().isAnyLocalAddress()) {
                return l;
            }
        }
        return null;
    }

    private static boolean portInUse(InetSocketAddress key) {
        for (InetSocketAddress bound : LISTENERS.keySet()) {
            if (bound.getPort() == key.getPort() && (bound.getAddress().equals(key.getAddress())
                    || bound.getAddress().isAnyLocalAddress() || key.getAddress().isAnyLocalAddress())) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress resolved(InetSocketAddress address, String what) {
        if (address.isUnresolved()) {
            throw new TransportException("could not " + what + " " + hostPort(address)
                    + ": the host name does not resolve; check the spelling or use an IP address");
        }
        return address.getAddress();
    }

    private static MemoryConnection memory(Connection connection) {
        if (connection instanceof MemoryConnection m) {
            return m;
        }
        throw new IllegalArgumentException("expected a connection made by InMemoryTransport, got "
                + (connection == null ? "null" : connection.getClass().getName()));
    }
}
