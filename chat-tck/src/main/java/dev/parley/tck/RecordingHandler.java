package dev.parley.tck;

import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link ConnectionHandler} for tests: records every byte and event of one connection, checks
 * the handler contract as it goes, and lets a test wait for what it expects without sleeping.
 *
 * <p>Contract checks: {@code onBytes} calls never overlap; nothing is called after
 * {@code onClosed}; {@code onInputClosed} and {@code onClosed} come at most once. Breaches are
 * collected in {@link #violations()} rather than thrown, because a throw would land on a
 * transport thread where no test sees it.
 *
 * <p>Behaviour is set up before the handler is handed to the transport, with
 * {@link #onBytesDo}, {@link #onInputClosedDo} and the shortcuts {@link #echoing()} and
 * {@link #closingOnInputClosed()}.
 *
 * <p>Thread-safe: the transport calls it on its threads while a test thread awaits and reads.
 */
public final class RecordingHandler implements ConnectionHandler {

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<String> events = new ArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile BiConsumer<Connection, ByteBuffer> bytesAction = (c, b) -> { };
    private volatile Consumer<Connection> inputClosedAction = c -> { };
    private boolean inputClosed;
    private boolean closed;
    private Throwable cause;

    /** A handler that records the events of {@code connection} and does nothing else. */
    public RecordingHandler(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The connection this handler records. */
    public Connection connection() {
        return connection;
    }

    /** Runs {@code action} on every {@code onBytes}, after the bytes are recorded. Returns this. */
    public RecordingHandler onBytesDo(BiConsumer<Connection, ByteBuffer> action) {
        this.bytesAction = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Runs {@code action} on {@code onInputClosed}, after the event is recorded. Returns this. */
    public RecordingHandler onInputClosedDo(Consumer<Connection> action) {
        this.inputClosedAction = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Sends back a copy of every byte received. Returns this. */
    public RecordingHandler echoing() {
        return onBytesDo((c, bytes) -> {
            ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
            copy.put(bytes.duplicate()).flip();
            c.send(copy);
        });
    }

    /** Closes the connection when the peer shuts down its output, as a well-behaved server does. Returns this. */
    public RecordingHandler closingOnInputClosed() {
        return onInputClosedDo(Connection::close);
    }

    @Override
    public void onBytes(ByteBuffer bytes) {
        if (inFlight.incrementAndGet() != 1) {
            violations.add("onBytes calls overlapped");
        }
        try {
            ByteBuffer view = bytes.duplicate();
            lock.lock();
            try {
                if (closed) {
                    violations.add("onBytes after onClosed");
                }
                if (inputClosed) {
                    violations.add("onBytes after onInputClosed");
                }
                byte[] copy = new byte[view.remaining()];
                view.get(copy);
                received.write(copy, 0, copy.length);
                if (events.isEmpty() || !events.getLast().equals("bytes")) {
                    events.add("bytes");
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            bytesAction.accept(connection, bytes);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void onInputClosed() {
        if (inFlight.get() != 0) {
            violations.add("onInputClosed overlapped onBytes");
        }
        lock.lock();
        try {
            if (closed) {
                violations.add("onInputClosed after onClosed");
            }
            if (inputClosed) {
                violations.add("onInputClosed called twice");
            }
            inputClosed = true;
            events.add("inputClosed");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        inputClosedAction.accept(connection);
    }

    @Override
    public void onClosed(Throwable cause) {
        if (inFlight.get() != 0) {
            violations.add("onClosed overlapped onBytes");
        }
        lock.lock();
        try {
            if (closed) {
                violations.add("onClosed called twice");
            }
            closed = true;
            this.cause = cause;
            events.add("closed");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} bytes have arrived and returns the first {@code count}.
     *
     * @throws AssertionError when they do not arrive within {@code timeout}; the message says how many did
     */
    public byte[] awaitBytes(int count, Duration timeout) {
        awaitState(() -> received.size() >= count, timeout,
                () -> "expected " + count + " bytes, received " + received.size());
        lock.lock();
        try {
            byte[] all = received.toByteArray();
            return count == all.length ? all : Arrays.copyOf(all, count);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code onInputClosed}. @throws AssertionError when it does not come within {@code timeout} */
    public void awaitInputClosed(Duration timeout) {
        awaitState(() -> inputClosed, timeout, () -> "expected onInputClosed; events so far " + events);
    }

    /**
     * Waits for {@code onClosed} and returns its cause, {@code null} for an orderly close.
     *
     * @throws AssertionError when it does not come within {@code timeout}
     */
    public Throwable awaitClosed(Duration timeout) {
        awaitState(() -> closed, timeout, () -> "expected onClosed; events so far " + events);
        lock.lock();
        try {
            return cause;
        } finally {
            lock.unlock();
        }
    }

    /** All bytes received so far. */
    public byte[] received() {
        lock.lock();
        try {
            return received.toByteArray();
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@code onClosed} has been called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The events so far in order: {@code bytes} (runs collapsed), {@code inputClosed}, {@code closed}. */
    public List<String> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Breaches of the handler contract seen so far; empty when the transport behaved. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void awaitState(BooleanSupplier done, Duration timeout,
                            Supplier<String> failure) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                if (remaining <= 0) {
                    throw new AssertionError("Timed out after " + timeout.toMillis() + " ms on " + connection
                            + ": " + failure.get());
                }
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting on " + connection, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "RecordingHandler[" + connection + ", " + events() + "]";
    }
}
