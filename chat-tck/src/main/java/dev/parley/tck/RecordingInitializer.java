package dev.parley.tck;

import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.spi.ConnectionInitializer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link ConnectionInitializer} for tests: gives every connection a {@link RecordingHandler}
 * made by a factory, and lets a test wait for the connections a listener accepts.
 *
 * <p>Thread-safe.
 */
public final class RecordingInitializer implements ConnectionInitializer {

    private final Function<Connection, RecordingHandler> factory;
    private final List<RecordingHandler> handlers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();

    /** Gives each connection a plain recording handler. */
    public RecordingInitializer() {
        this(RecordingHandler::new);
    }

    /** Gives each connection the handler {@code factory} makes, for example an echoing one. */
    public RecordingInitializer(Function<Connection, RecordingHandler> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ConnectionHandler initialize(Connection connection) {
        RecordingHandler handler = factory.apply(connection);
        lock.lock();
        try {
            handlers.add(handler);
            added.signalAll();
        } finally {
            lock.unlock();
        }
        return handler;
    }

    /** Every handler made so far, in the order the initializer ran. */
    public List<RecordingHandler> handlers() {
        return List.copyOf(handlers);
    }

    /**
     * Waits for the handler of the accepted connection whose peer is {@code clientSide}, matched
     * by address (the accepted side's remote address is the client's local address).
     *
     * @throws AssertionError when no such connection is initialized within {@code timeout}
     */
    public RecordingHandler awaitPeerOf(Connection clientSide, Duration timeout) {
        return await(c -> c.remoteAddress().equals(clientSide.localAddress()), timeout,
                "the listener to accept " + clientSide.localAddress());
    }

    /**
     * Waits for the handler of {@code connection} itself, for example the one an outbound
     * connect created (matched by its local and remote address).
     *
     * @throws AssertionError when it is not initialized within {@code timeout}
     */
    public RecordingHandler awaitHandlerOf(Connection connection, Duration timeout) {
        return await(c -> c.localAddress().equals(connection.localAddress())
                && c.remoteAddress().equals(connection.remoteAddress()), timeout,
                "the initializer of " + connection);
    }

    private RecordingHandler await(Predicate<Connection> wanted, Duration timeout, String what) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (RecordingHandler h : handlers) {
                    if (wanted.test(h.connection())) {
                        return h;
                    }
                }
                if (remaining <= 0) {
                    throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                            + "; initialized so far " + handlers.size());
                }
                remaining = added.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }
}
