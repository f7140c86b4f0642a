package dev.parley.transport.socket.internal;

import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.ConnectionInitializer;
import dev.parley.spi.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening socket with one virtual thread accepting. Each accepted connection gets its own
 * reader and writer threads ({@link SocketConnection}); the accept thread never runs user code.
 *
 * <p>Thread-safe. Not restartable.
 */
public final class SocketListener implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(SocketListener.class);
    private static final int BACKLOG = 1024;
    private static final long ACCEPT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ServerSocketChannel server;
    private final InetSocketAddress localAddress;
    private final TransportConfig config;
    private final ConnectionInitializer initializer;
    private final WriteWatchdog watchdog;
    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread acceptor;

    private SocketListener(ServerSocketChannel server, TransportConfig config, ConnectionInitializer initializer,
                           WriteWatchdog watchdog) throws IOException {
        this.server = server;
        this.localAddress = (InetSocketAddress) server.getLocalAddress();
        this.config = config;
        this.initializer = initializer;
        this.watchdog = watchdog;
        this.acceptor = Thread.ofVirtual().name("parley-socket-accept-" + localAddress.getPort()).unstarted(this::acceptLoop);
    }

    /**
     * Binds {@code address} and starts accepting.
     *
     * @throws TransportException naming the address, with advice, when it cannot be bound
     */
    public static SocketListener open(InetSocketAddress address, TransportConfig config,
                                      ConnectionInitializer initializer, WriteWatchdog watchdog) {
        if (address.isUnresolved()) {
            throw Addresses.unresolved("listen on", address);
        }
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            server.bind(address, BACKLOG);
            SocketListener listener = new SocketListener(server, config, initializer, watchdog);
            listener.acceptor.start();
            LOG.info("Listening on {}", Addresses.hostPort(listener.localAddress));
            return listener;
        } catch (IOException e) {
            TransportException failure = Addresses.bindFailed(address, e);
            if (server != null) {
                try {
                    server.close();
                } catch (IOException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
            throw failure;
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Stops accepting, closes every accepted connection gracefully, waits for each to finish
     * (bounded by the write timeout, then closes the rest at once) and for all threads to end.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Could not close the listening socket on {}", Addresses.hostPort(localAddress), e);
        }
        boolean interrupted = false;
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        // The acceptor has ended, so no connection can be added from here on.
        List<SocketConnection> open = List.copyOf(connections);
        open.forEach(SocketConnection::close);
        long deadline = System.nanoTime() + config.writeTimeout().plusSeconds(2).toNanos();
        for (SocketConnection c : open) {
            try {
                if (interrupted || !c.awaitTerminated(Duration.ofNanos(deadline - System.nanoTime()))) {
                    c.abort(new TransportException("closed " + c + " at once: it did not finish closing in time"
                            + " after its listener was closed"));
                    c.awaitTerminated(Duration.ofSeconds(1));
                }
            } catch (InterruptedException e) {
                interrupted = true;
                c.abort(new TransportException("closed " + c + " at once: closing its listener was interrupted"));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Stopped listening on {}", Addresses.hostPort(localAddress));
    }

    private void acceptLoop() {
        while (!closed.get()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                // Typically too many open files: back off instead of spinning, and keep serving.
                LOG.warn("Accepting on {} failed: {}; retrying", Addresses.hostPort(localAddress), e.getMessage());
                LockSupport.parkNanos(ACCEPT_RETRY_NANOS);
                continue;
            }
            try {
                SocketConnection connection = SocketConnection.accepted(channel, config, watchdog, connections::remove);
                connections.add(connection);
                connection.start(initializer);
            } catch (IOException e) {
                LOG.debug("Dropped a connection that broke while being set up: {}", e.toString());
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "socket listener on " + Addresses.hostPort(localAddress);
    }
}
