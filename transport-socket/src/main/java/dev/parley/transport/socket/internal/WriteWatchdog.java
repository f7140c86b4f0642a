package dev.parley.transport.socket.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Closes connections whose pending output made no progress within their write timeout.
 *
 * <p>Blocking socket writes have no timeout, so one shared virtual thread looks at every open
 * connection instead. It runs only while some connection is watched and ends when the last one
 * goes, so a closed transport leaves no thread behind. Thread-safe.
 */
public final class WriteWatchdog {

    private static final long MIN_TICK = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_TICK = TimeUnit.SECONDS.toNanos(1);

    private final Set<SocketConnection> watched = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private Thread thread;
    private volatile long nextCheckNanos;

    /** Starts watching {@code connection}, whose output may stall for at most {@code writeTimeoutNanos}. */
    void watch(SocketConnection connection, long writeTimeoutNanos) {
        lock.lock();
        try {
            watched.add(connection);
            if (thread == null) {
                thread = Thread.ofVirtual().name("parley-socket-watchdog").start(this::run);
            } else if (System.nanoTime() + writeTimeoutNanos - nextCheckNanos < 0) {
                // Its timeout ends before the next check: wake the watchdog to shorten the tick.
                LockSupport.unpark(thread);
            }
        } finally {
            lock.unlock();
        }
    }

    void unwatch(SocketConnection connection) {
        watched.remove(connection);
        lock.lock();
        try {
            if (watched.isEmpty() && thread != null) {
                LockSupport.unpark(thread);
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            lock.lock();
            try {
                if (watched.isEmpty()) {
                    thread = null;
                    return;
                }
            } finally {
                lock.unlock();
            }
            long now = System.nanoTime();
            long next = MAX_TICK;
            for (SocketConnection c : watched) {
                next = Math.min(next, c.checkStalledOutput(now));
            }
            long tick = Math.max(next, MIN_TICK);
            nextCheckNanos = System.nanoTime() + tick;
            LockSupport.parkNanos(this, tick);
        }
    }
}
