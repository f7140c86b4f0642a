package dev.parley.transport.socket.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes one connection has yet to write, bounded by their total size.
 *
 * <p>Thread-safe: any thread offers; one writer thread takes. Bytes count as pending from
 * {@link #offer} until the writer reports them {@link #written}, so a write that is blocked
 * still counts.
 */
final class OutboundQueue {

    /** What {@link #offer} did. */
    enum Offer { QUEUED, FULL, CLOSED }

    /**
     * The most one gathering write carries. The JDK copies heap buffers into a temporary direct
     * buffer for the write and keeps it while the write blocks; this bounds that per connection.
     */
    static final int MAX_WRITE_BYTES = 256 << 10;

    private final long limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private final AtomicLong pending = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private boolean closed;

    OutboundQueue(long limit) {
        this.limit = limit;
    }

    /**
     * Queues {@code bytes}, which the caller no longer touches, unless that would pass the limit
     * or the queue is closed.
     */
    Offer offer(ByteBuffer bytes) {
        int n = bytes.remaining();
        lock.lock();
        try {
            if (closed) {
                return Offer.CLOSED;
            }
            long before = pending.get();
            if (before + n > limit) {
                return Offer.FULL;
            }
            if (before == 0) {
                lastProgressNanos = System.nanoTime();
            }
            pending.addAndGet(n);
            buffers.addLast(bytes);
            ready.signal();
            return Offer.QUEUED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for queued bytes and moves up to {@code batch.length} buffers, at most
     * {@link #MAX_WRITE_BYTES} in all, into {@code batch}; a buffer that does not fit is split.
     *
     * @return how many buffers were moved; 0 once the queue is closed and empty
     */
    int take(ByteBuffer[] batch) throws InterruptedException {
        lock.lock();
        try {
            while (buffers.isEmpty() && !closed) {
                ready.await();
            }
            int count = 0;
            int room = MAX_WRITE_BYTES;
            while (count < batch.length && room > 0 && !buffers.isEmpty()) {
                ByteBuffer head = buffers.peekFirst();
                if (head.remaining() <= room) {
                    batch[count++] = buffers.pollFirst();
                    room -= batch[count - 1].remaining();
                } else {
                    batch[count++] = head.slice(head.position(), room);
                    head.position(head.position() + room);
                    room = 0;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The writer wrote {@code n} bytes. */
    void written(long n) {
        lastProgressNanos = System.nanoTime();
        pending.addAndGet(-n);
    }

    /** Refuses further offers; what is queued is still taken. Idempotent. */
    void close() {
        lock.lock();
        try {
            closed = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further offers and drops what is queued. Idempotent. */
    void clear() {
        lock.lock();
        try {
            closed = true;
            buffers.clear();
            pending.set(0);
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long pending() {
        return Math.max(0, pending.get());
    }

    /** How long pending bytes have waited without any being written; 0 when nothing is pending. */
    long stalledNanos(long now) {
        return pending.get() > 0 ? now - lastProgressNanos : 0;
    }
}
