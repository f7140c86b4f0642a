package dev.parley.examples;

import dev.parley.api.ClientStatus;
import dev.parley.api.Request;
import dev.parley.api.Response;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the terminal client knows about its connection: the status, the requests waiting for an
 * answer and the user's name; and ways to wait for them to change.
 *
 * <p>Thread-safe: one lock guards it, and every change wakes up the waiters.
 */
final class SessionState {

    private final boolean reconnect;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PendingRequests pending = new PendingRequests();
    private ClientStatus status = ClientStatus.CONNECTING;

    /** State of a client that reconnects after a lost connection, or not. */
    SessionState(boolean reconnect) {
        this.reconnect = reconnect;
    }

    void sent(Request request) {
        locked(() -> pending.sent(request));
    }

    /** A request could not be sent; no answers are coming. */
    void notSent() {
        locked(pending::clear);
    }

    /** Notes what {@code response} answers; {@code true} if that changed the username. */
    boolean answered(Response response) {
        lock.lock();
        try {
            boolean renamed = pending.answered(response);
            changed.signalAll();
            return renamed;
        } finally {
            lock.unlock();
        }
    }

    void status(ClientStatus newStatus) {
        locked(() -> {
            status = newStatus;
            if (newStatus == ClientStatus.DISCONNECTED || newStatus == ClientStatus.CLOSED) {
                pending.clear(); // nothing sent on the lost connection will be answered
            }
        });
    }

    /** The user's name, accepted or asked for; {@code null} if none. */
    String ownName() {
        return read(pending::ownName);
    }

    String prompt() {
        return read(() -> EventFormatter.prompt(status, pending.username(), reconnect && !pending.loggedOut()));
    }

    /**
     * Waits up to {@code max} until every request is answered or the connection is gone.
     * {@code connected} tells the client's current status, which status events report a little later.
     */
    void awaitAnswers(Duration max, BooleanSupplier connected) {
        awaitUntil(() -> pending.isEmpty() || !connected.getAsBoolean(), max);
    }

    /** Waits up to {@code max} until the connection is gone. */
    void awaitDisconnected(Duration max, BooleanSupplier connected) {
        awaitUntil(() -> !connected.getAsBoolean(), max);
    }

    private void locked(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private void awaitUntil(BooleanSupplier done, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        lock.lock();
        try {
            for (long left = max.toNanos(); !done.getAsBoolean() && left > 0; left = deadline - System.nanoTime()) {
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
