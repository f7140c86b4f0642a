package dev.parley.storage.file.internal;

import java.util.Arrays;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Where one room's messages are: ids in increasing order, with each record's file offset (within
 * the segment that holds its id) and timestamp in milliseconds, in growable parallel arrays.
 *
 * <p>Thread-safe: one writer (recovery, then the writer thread) adds and trims; any number of
 * readers select.
 */
final class RoomIndex {

    /** Positions of selected records, oldest first. */
    record Selection(long[] ids, long[] offsets) {
    }

    /** The offset of a record that a moderator deleted. */
    static final long DELETED = -1;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long[] ids = new long[16];
    private long[] offsets = new long[16];
    private long[] millis = new long[16];
    private int size;

    /** Adds a record; {@code id} must be above every id already added. */
    void add(long id, long offset, long timestampMillis) {
        lock.writeLock().lock();
        try {
            if (size == ids.length) {
                int capacity = size * 2;
                ids = Arrays.copyOf(ids, capacity);
                offsets = Arrays.copyOf(offsets, capacity);
                millis = Arrays.copyOf(millis, capacity);
            }
            ids[size] = id;
            offsets[size] = offset;
            millis[size] = timestampMillis;
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets every record with an id below {@code id}. */
    void removeBelow(long id) {
        lock.writeLock().lock();
        try {
            int from = lowerBound(id);
            if (from > 0) {
                System.arraycopy(ids, from, ids, 0, size - from);
                System.arraycopy(offsets, from, offsets, 0, size - from);
                System.arraycopy(millis, from, millis, 0, size - from);
                size -= from;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The id of the {@code n}th newest record, below which records are outside a retention of
     * {@code n} messages; {@link Long#MIN_VALUE} if there are not that many.
     */
    long idOfNewest(long n) {
        lock.readLock().lock();
        try {
            return n <= size ? ids[(int) (size - n)] : Long.MIN_VALUE;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Marks the record {@code id} deleted: it is never selected again but still counts towards
     * retention by count, as the SPI requires. {@code false} if it was not here or already deleted.
     */
    boolean markDeleted(long id) {
        lock.writeLock().lock();
        try {
            int i = lowerBound(id);
            if (i == size || ids[i] != id || offsets[i] == DELETED) {
                return false;
            }
            offsets[i] = DELETED;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The offset of record {@code id} if it is here and retained (as in {@link #select}), else -1.
     */
    long offsetOf(long id, long maxMessages, long cutoffMillis) {
        lock.readLock().lock();
        try {
            int i = lowerBound(id);
            if (i == size || ids[i] != id || offsets[i] == DELETED) {
                return -1;
            }
            int floor = maxMessages > 0 && maxMessages < size ? (int) (size - maxMessages) : 0;
            boolean young = cutoffMillis == Long.MIN_VALUE || millis[i] > cutoffMillis;
            return i >= floor && young ? offsets[i] : -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The newest {@code limit} records with an id below {@code beforeId} that are retained: among
     * the newest {@code maxMessages} (0 for no limit) and with a timestamp after
     * {@code cutoffMillis} ({@link Long#MIN_VALUE} for no age limit).
     */
    Selection select(long beforeId, int limit, long maxMessages, long cutoffMillis) {
        lock.readLock().lock();
        try {
            int floor = maxMessages > 0 && maxMessages < size ? (int) (size - maxMessages) : 0;
            long[] pickedIds = new long[Math.min(limit, size)];
            long[] pickedOffsets = new long[pickedIds.length];
            int picked = 0;
            // Walk back from beforeId; timestamps are not guaranteed to follow ids, so each is checked.
            for (int i = lowerBound(beforeId) - 1; i >= floor && picked < pickedIds.length; i--) {
                if (offsets[i] != DELETED && (cutoffMillis == Long.MIN_VALUE || millis[i] > cutoffMillis)) {
                    pickedIds[picked] = ids[i];
                    pickedOffsets[picked] = offsets[i];
                    picked++;
                }
            }
            long[] outIds = new long[picked];
            long[] outOffsets = new long[picked];
            for (int k = 0; k < picked; k++) {
                outIds[k] = pickedIds[picked - 1 - k];
                outOffsets[k] = pickedOffsets[picked - 1 - k];
            }
            return new Selection(outIds, outOffsets);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The first index whose id is at least {@code id}; callers hold the lock. */
    private int lowerBound(long id) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ids[mid] < id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
