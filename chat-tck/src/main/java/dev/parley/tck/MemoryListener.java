package dev.parley.tck;

import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.ConnectionInitializer;
import dev.parley.spi.Transport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/** A listener of {@link InMemoryTransport}. Thread-safe. Not restartable. */
final class MemoryListener implements Transport {

    private final InetSocketAddress address;
    private final TransportConfig config;
    private final ConnectionInitializer initializer;
    private final Set<MemoryConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Accepting and closing exclude each other, so close() sees every accepted connection.
    private final ReentrantLock acceptLock = new ReentrantLock();

    MemoryListener(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer) {
        this.address = address;
        this.config = config;
        this.initializer = initializer;
    }

    TransportConfig config() {
        return config;
    }

    ConnectionInitializer initializer() {
        return initializer;
    }

    /** Counts and starts an accepted end; {@code false} when this listener is closed. */
    boolean accept(MemoryConnection connection) {
        acceptLock.lock();
        try {
            if (closed.get()) {
                return false;
            }
            connections.add(connection);
            connection.start();
            return true;
        } finally {
            acceptLock.unlock();
        }
    }

    void remove(MemoryConnection connection) {
        connections.remove(connection);
    }

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        acceptLock.lock();
        try {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
        } finally {
            acceptLock.unlock();
        }
        InMemoryTransport.unregister(this);
        List<MemoryConnection> open = List.copyOf(connections);
        open.forEach(MemoryConnection::close);
        Duration grace = config.writeTimeout().plusSeconds(1);
        try {
            for (MemoryConnection c : open) {
                if (!c.awaitTerminated(grace)) {
                    c.abort(new TransportException("closed " + c + " by force: it did not finish"
                            + " closing within " + grace.toMillis() + " ms of the listener closing"));
                    c.awaitTerminated(Duration.ofSeconds(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "memory listener on " + InMemoryTransport.hostPort(address);
    }
}
