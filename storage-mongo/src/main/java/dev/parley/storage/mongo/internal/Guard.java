package dev.parley.storage.mongo.internal;

import com.mongodb.MongoException;
import dev.parley.api.StorageException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.bson.BSONException;

/**
 * The open-or-closed state of one storage, shared by its repositories: runs their operations
 * while the storage is open, translating the driver's exceptions, and lets {@link #close()} wait
 * for the operations under way, so that the client is never closed under one.
 *
 * <p>Thread-safe: operations hold the read lock, so they run concurrently; closing takes the
 * write lock.
 */
final class Guard {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MongoLocation location;
    private boolean closed;

    Guard(MongoLocation location) {
        this.location = location;
    }

    /** The location, masked when printed. */
    MongoLocation location() {
        return location;
    }

    /**
     * Runs {@code operation} unless the storage is closed.
     *
     * @param what what the operation does, as a verb phrase for messages ("delete the account 'ann'")
     * @throws StorageException when the storage is closed or the operation fails
     */
    <T> T run(String what, Supplier<T> operation) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw closedException(what);
            }
            return operation.get();
        } catch (MongoException | BSONException e) {
            throw Failures.of(what, location, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code action} (which must not block, and is not translated) while the storage is open;
     * used to accept appends without racing {@link #close()}.
     *
     * @return what {@code action} returned, or {@code null} when the storage is closed
     */
    <T> T ifOpen(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return closed ? null : action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Marks the storage closed once the operations under way have finished.
     *
     * @return {@code false} when it was closed already
     */
    boolean close() {
        lock.writeLock().lock();
        try {
            boolean first = !closed;
            closed = true;
            return first;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The exception for {@code what} on a closed storage. */
    StorageException closedException(String what) {
        return new StorageException("the MongoDB storage at " + location + " is closed, so it cannot " + what
                + "; open the storage again");
    }
}
