package dev.parley.engine.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on threads borrowed from a backing executor
 * (virtual threads in practice): a session's mailbox. No thread is held while the queue is
 * empty, so an idle session costs no thread.
 *
 * <p>Thread-safe: any thread may submit.
 */
public final class SerialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor backing;
    private final int capacity;

    /** Runs on {@code backing}, refusing tasks while {@code capacity} are waiting. */
    public SerialExecutor(Executor backing, int capacity) {
        this.backing = backing;
        this.capacity = capacity;
    }

    /**
     * Queues a task.
     *
     * @return {@code false}, without queuing, when {@code capacity} tasks are already waiting
     */
    public boolean offer(Runnable task) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        tasks.add(task);
        schedule();
        return true;
    }

    /** Queues a task even past the capacity: for the few events that must not be lost, such as a close. */
    public void force(Runnable task) {
        size.incrementAndGet();
        tasks.add(task);
        schedule();
    }

    /** Tasks waiting or running. */
    public int size() {
        return size.get();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                backing.execute(this::drain);
            } catch (RuntimeException e) {
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("A session task failed", e);
            } finally {
                size.decrementAndGet();
            }
        }
        scheduled.set(false);
        // A task may have arrived after the last poll but before the flag was cleared.
        if (!tasks.isEmpty()) {
            schedule();
        }
    }
}
