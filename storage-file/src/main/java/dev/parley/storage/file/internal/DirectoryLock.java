package dev.parley.storage.file.internal;

import dev.parley.api.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The exclusive lock on a data directory: an OS file lock on {@code parley.lock} against other
 * processes, and a JVM-wide set of locked directories against this process. (The set is checked
 * first because on POSIX systems closing any channel to a locked file drops the process's lock,
 * so a second attempt from the same JVM must not even open the file.)
 *
 * <p>Thread-safe. {@link #release()} is idempotent.
 */
final class DirectoryLock {

    static final String FILE_NAME = "parley.lock";
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private final AtomicBoolean released = new AtomicBoolean();

    private DirectoryLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code directory}, which must exist.
     *
     * @throws StorageException if another storage, in this or another process, holds it
     */
    static DirectoryLock acquire(Path directory) {
        Path key;
        try {
            key = directory.toRealPath();
        } catch (IOException e) {
            throw new StorageException("could not resolve the data directory " + directory + ": " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
        Path file = directory.resolve(FILE_NAME);
        if (!HELD.add(key)) {
            throw inUse(directory, file, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(directory, file, null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new DirectoryLock(key, channel, lock);
        } catch (OverlappingFileLockException e) {
            throw cleanUp(channel, key, inUse(directory, file, e));
        } catch (IOException e) {
            throw cleanUp(channel, key, new StorageException("could not lock " + file + ": " + e.getMessage()
                    + "; check the directory's permissions, or pick another --data directory", e));
        } catch (RuntimeException e) {
            throw cleanUp(channel, key, e);
        }
    }

    /** Releases the lock. Idempotent. */
    void release() throws IOException {
        if (released.getAndSet(true)) {
            return;
        }
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }

    private static StorageException inUse(Path directory, Path file, Exception cause) {
        return new StorageException("data directory " + directory + " is in use by another Parley server (lock file "
                + file + "); stop it or pick another --data directory", cause);
    }

    private static <E extends RuntimeException> E cleanUp(FileChannel channel, Path key, E failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        HELD.remove(key);
        return failure;
    }
}
