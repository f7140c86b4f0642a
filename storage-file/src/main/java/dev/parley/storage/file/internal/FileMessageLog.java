package dev.parley.storage.file.internal;

import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file store's {@link MessageRepository}: appends go through a bounded queue to one writer
 * thread ({@link SegmentWriter}); history reads the segments through the in-memory index.
 *
 * <p>{@link #append} never blocks on I/O: it assigns the id under a short lock (so ids follow
 * the order of calls) and queues the record. When {@code maxPendingAppends} appends are already
 * waiting, it does not wait either: the future fails at once with a {@link StorageException}.
 *
 * <p>Thread-safe. Not restartable: {@link #close()} waits for pending appends to be durable,
 * stops the writer, closes the files and releases the directory lock; it is idempotent.
 */
public final class FileMessageLog implements MessageRepository, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileMessageLog.class);

    private final Path directory;
    private final int maxPending;
    private final DirectoryLock lock;
    private final LogFiles files;
    private final BlockingQueue<Pending> queue;
    private final SegmentWriter writer;
    private final Thread writerThread;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long nextId;
    private boolean accepting = true;

    private FileMessageLog(Path directory, StorageConfig config, FileStorageOptions options, DirectoryLock lock,
                           LogFiles files, long nextId) {
        this.directory = directory;
        this.maxPending = options.maxPendingAppends();
        this.lock = lock;
        this.files = files;
        this.nextId = nextId;
        this.queue = new ArrayBlockingQueue<>(options.maxPendingAppends() + 1);
        this.writer = new SegmentWriter(files, queue, config.durability(), options.segmentBytes());
        this.writerThread = Thread.ofPlatform().name("parley-file-writer").daemon(true).unstarted(writer);
    }

    /**
     * Locks and recovers {@code directory} (creating it if needed) and starts the writer.
     * Blocks until done; on failure, releases whatever it took before it throws.
     *
     * @throws StorageException if the directory is in use, damaged or unusable; the message says what to do
     * @throws dev.parley.api.ConfigurationException if an option is unknown or invalid
     */
    public static FileMessageLog open(Path directory, StorageConfig config) {
        long started = System.nanoTime();
        FileStorageOptions options = FileStorageOptions.parse(config.options());
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("could not create the data directory " + dir + ": " + e.getMessage()
                    + "; check its permissions or pick another --data directory", e);
        }
        DirectoryLock lock = DirectoryLock.acquire(dir);
        Deletions deletions;
        try {
            deletions = new Deletions(Journal.open(dir.resolve("deletions.journal"), "deleted messages",
                    config.durability() != dev.parley.api.Durability.OS_BUFFERED));
        } catch (RuntimeException e) {
            try {
                lock.release();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        LogFiles files = new LogFiles(dir, config, Clock.systemUTC(), deletions);
        try {
            Recovery recovery = new Recovery(files);
            long nextId = recovery.run();
            files.reclaim();
            FileMessageLog log = new FileMessageLog(dir, config, options, lock, files, nextId);
            log.writerThread.start();
            LOG.info("Opened file storage in {}: {} segment(s), {} message(s) recovered in {} ms ({}, segments of {} bytes)",
                    dir, files.segmentCount(), recovery.records(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), config.durability(), options.segmentBytes());
            return log;
        } catch (IOException e) {
            throw cleanUp(new StorageException("could not open the file storage in " + dir + ": " + e.getMessage()
                    + "; check the directory's permissions and the disk", e), files, lock);
        } catch (RuntimeException e) {
            throw cleanUp(e, files, lock);
        } catch (Error e) {
            throw cleanUp(e, files, lock);
        }
    }

    private static <T extends Throwable> T cleanUp(T failure, LogFiles files, DirectoryLock lock) {
        try {
            files.close();
        } catch (IOException | RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
        try {
            lock.release();
        } catch (IOException | RuntimeException suppressed) {
            failure.addSuppressed(suppressed);
        }
        return failure;
    }

    @Override
    public CompletableFuture<StoredMessage> append(NewMessage message) {
        Objects.requireNonNull(message, "message");
        byte[] body = RecordFormat.body(message);
        if (body == null) {
            return CompletableFuture.failedFuture(new StorageException("a message in room '" + message.room()
                    + "' is too large to store (over " + (RecordFormat.MAX_PAYLOAD >> 20)
                    + " MiB encoded); send a shorter text"));
        }
        CompletableFuture<StoredMessage> future = new CompletableFuture<>();
        appendLock.lock();
        try {
            if (!accepting) {
                return CompletableFuture.failedFuture(new StorageException("the file storage in " + directory
                        + " is closed; open it again to store messages"));
            }
            StorageException broken = writer.broken();
            if (broken != null) {
                return CompletableFuture.failedFuture(broken);
            }
            if (queue.remainingCapacity() <= 1 || !queue.offer(new Pending(nextId, message, body, future))) {
                return CompletableFuture.failedFuture(new StorageException(maxPending + " appends are already "
                        + "waiting to be written to " + directory + ", so the disk is slower than the message rate; "
                        + "retry later, or raise the file storage option maxPendingAppends"));
            }
            nextId++;
        } finally {
            appendLock.unlock();
        }
        return future;
    }

    @Override
    public List<StoredMessage> history(String room, long beforeId, int limit) {
        Objects.requireNonNull(room, "room");
        return files.history(room, beforeId, limit);
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return files.find(id);
    }

    @Override
    public boolean delete(long id) {
        return files.delete(id);
    }

    @Override
    public long deleteRoom(String room) {
        Objects.requireNonNull(room, "room");
        long upToId;
        appendLock.lock();
        try {
            upToId = nextId - 1;
        } finally {
            appendLock.unlock();
        }
        return files.deleteRoom(room, upToId);
    }

    /** How many times the writer synced a segment to stable storage; for tests and metrics. */
    public long syncCount() {
        return writer.syncs();
    }

    /** The segment files now in the directory; for tests and metrics. */
    public int segmentCount() {
        return files.segmentCount();
    }

    /**
     * Waits until every pending append is durable (synced, whatever the durability mode), stops
     * the writer, closes the files and releases the directory lock. Idempotent.
     *
     * @throws IllegalStateException if called on the writer thread, from a callback of an
     *                               append future: that would wait for itself
     * @throws StorageException      if the files could not be synced or closed
     */
    @Override
    public void close() {
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("close the file storage from another thread than the one completing "
                    + "append futures (use an *Async callback)");
        }
        if (closed.getAndSet(true)) {
            return;
        }
        appendLock.lock();
        try {
            accepting = false;
        } finally {
            appendLock.unlock();
        }
        boolean interrupted = false;
        // The queue keeps one slot free for STOP (see append), so this never waits for long.
        while (true) {
            try {
                queue.put(Pending.STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        StorageException failure = null;
        try {
            if (writer.broken() == null) {
                files.active().force();
            }
        } catch (IOException e) {
            failure = new StorageException("could not sync " + files.active() + " to disk at close: " + e.getMessage()
                    + "; the messages acknowledged in OS_BUFFERED mode since the last sync may be lost", e);
        }
        try {
            files.close();
        } catch (IOException e) {
            failure = addTo(failure, new StorageException("could not close the files in " + directory + ": "
                    + e.getMessage(), e));
        }
        try {
            lock.release();
        } catch (IOException e) {
            failure = addTo(failure, new StorageException("could not release the lock of " + directory + ": "
                    + e.getMessage() + "; if the next start says the directory is in use, check that no Parley "
                    + "server runs on it", e));
        }
        LOG.info("Closed file storage in {}", directory);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static StorageException addTo(StorageException first, StorageException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
