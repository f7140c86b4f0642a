package dev.parley.storage.file.internal;

import dev.parley.api.Durability;
import dev.parley.api.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the writer thread: drains the queue of pending appends in batches, writes them to
 * the active segment, makes them durable, publishes them to the index and then completes their
 * futures, in id order.
 *
 * <p>Durability: {@link Durability#GROUP_COMMIT} writes a whole batch (up to a few MiB) and
 * syncs once, so concurrent appends share one fsync; {@link Durability#EVERY_WRITE} writes and
 * syncs each record on its own; {@link Durability#OS_BUFFERED} writes without syncing. Whatever
 * the mode, a segment is synced before the next one is started, so only the newest segment can
 * ever hold a torn record.
 *
 * <p>Failures: a failed write fails that record's future and all later ones of the batch, and
 * the file is truncated back to where the failed write began, so the log stays clean and later
 * appends may succeed (say, once disk space was freed). A failed sync, or a failed truncation,
 * leaves the file's state unknown: the writer then fails every append until the storage is
 * reopened, which runs recovery.
 *
 * <p>Threading: {@link #run()} runs on the writer thread only; {@link #broken()} and
 * {@link #syncs()} are thread-safe. Futures are completed on the writer thread, so their
 * dependants should not block (use the {@code *Async} variants for slow work).
 */
final class SegmentWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);
    private static final int MAX_BATCH = 4096;
    private static final int MAX_CHUNK_BYTES = 8 << 20;

    private final LogFiles files;
    private final BlockingQueue<Pending> queue;
    private final Durability durability;
    private final long segmentBytes;
    private final AtomicLong syncs = new AtomicLong();
    private volatile StorageException broken;

    SegmentWriter(LogFiles files, BlockingQueue<Pending> queue, Durability durability, long segmentBytes) {
        this.files = files;
        this.queue = queue;
        this.durability = durability;
        this.segmentBytes = segmentBytes;
    }

    /** Why the writer fails every append, or {@code null} while it works. */
    StorageException broken() {
        return broken;
    }

    /** How many times a segment was synced to stable storage. */
    long syncs() {
        return syncs.get();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() may stop the writer (it queues STOP after the last append); stopping
                // here would strand pending futures. The interrupt is cleared so that it cannot
                // close the file channels under the next write.
                LOG.warn("The file storage writer was interrupted; ignoring it (close the storage to stop the writer)");
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            if (batch.getLast() == Pending.STOP) {
                batch.removeLast();
                stopping = true;
            }
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                broken = new StorageException("the file storage writer failed unexpectedly (" + e
                        + "); restart the server so that recovery checks the log", e);
                fail(batch, 0, broken);
                LOG.error("The file storage writer failed; every append fails until the storage is reopened", e);
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        int i = 0;
        while (i < batch.size()) {
            StorageException failure = broken;
            if (failure != null) {
                fail(batch, i, failure);
                return;
            }
            Segment segment = files.active();
            int end = chunkEnd(batch, i, segment);
            try {
                if (end == i) {
                    roll(batch.get(i).id());
                } else {
                    writeChunk(segment, batch, i, end);
                    i = end;
                }
            } catch (StorageException e) {
                fail(batch, i, e);
                return;
            }
        }
    }

    /** The end of the run of records from {@code start} that goes into {@code segment} with one write. */
    private int chunkEnd(List<Pending> batch, int start, Segment segment) {
        long room = segmentBytes - segment.size();
        boolean empty = segment.size() <= RecordFormat.HEADER_BYTES;
        int limit = durability == Durability.EVERY_WRITE ? start + 1 : batch.size();
        long bytes = 0;
        int end = start;
        while (end < limit && bytes < MAX_CHUNK_BYTES) {
            int size = RecordFormat.recordSize(batch.get(end).body());
            // An empty segment takes one record whatever its size, so that a huge one still fits somewhere.
            if (bytes + size > room && !(empty && end == start)) {
                break;
            }
            bytes += size;
            end++;
        }
        return end;
    }

    private void writeChunk(Segment segment, List<Pending> batch, int start, int end) {
        long from = segment.size();
        int bytes = 0;
        for (int k = start; k < end; k++) {
            bytes += RecordFormat.recordSize(batch.get(k).body());
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        long[] offsets = new long[end - start];
        for (int k = start; k < end; k++) {
            offsets[k - start] = from + buffer.position();
            RecordFormat.writeRecord(buffer, batch.get(k).id(), batch.get(k).body());
        }
        buffer.flip();
        try {
            segment.append(buffer);
        } catch (IOException e) {
            StorageException failure = new StorageException("could not write to " + segment + ": " + e.getMessage()
                    + "; free disk space or fix the disk, then retry (the messages not acknowledged were not stored)", e);
            undo(segment, from, failure);
            throw failure;
        }
        if (durability != Durability.OS_BUFFERED) {
            sync(segment);
        }
        for (int k = start; k < end; k++) {
            Pending p = batch.get(k);
            files.publish(segment, p.id(), offsets[k - start], p.message().room(), p.message().timestamp());
        }
        for (int k = start; k < end; k++) {
            batch.get(k).future().complete(batch.get(k).stored());
        }
    }

    /** Starts a new segment whose first record will be {@code firstId}; then reclaims old ones. */
    private void roll(long firstId) {
        Segment previous = files.active();
        sync(previous);
        Path directory = files.directory();
        Segment created = null;
        try {
            created = Segment.create(directory, firstId);
            if (durability != Durability.OS_BUFFERED) {
                created.force();
                syncDirectory(directory);
            }
        } catch (IOException e) {
            StorageException failure = new StorageException("could not start a new segment file in " + directory
                    + ": " + e.getMessage() + "; free disk space or fix the directory's permissions, then retry", e);
            try {
                if (created != null) {
                    created.close();
                }
                Files.deleteIfExists(directory.resolve(Segment.fileName(firstId)));
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
                broken = failure;
            }
            throw failure;
        }
        files.addSegment(created);
        LOG.debug("Started segment {}", created);
        files.reclaim();
    }

    private void sync(Segment segment) {
        try {
            segment.force();
            syncs.incrementAndGet();
        } catch (IOException e) {
            // After a failed fsync the page cache may hold writes that never reach the disk, so
            // nothing written from now on could be trusted until recovery has checked the file.
            broken = new StorageException("could not sync " + segment + " to disk: " + e.getMessage()
                    + "; fix the disk, then restart the server so that recovery checks the log", e);
            throw broken;
        }
    }

    /** Cuts a failed write off the end of {@code segment}; if even that fails, the writer is broken. */
    private void undo(Segment segment, long size, StorageException failure) {
        try {
            segment.truncate(size);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = new StorageException("could not undo a failed write to " + segment + " (" + e.getMessage()
                    + "); restart the server so that recovery repairs the log", failure);
        }
    }

    /** Makes a new file's directory entry durable; not every platform can open a directory. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Could not sync directory {} (not supported on this platform?)", directory, e);
        }
    }

    private static void fail(List<Pending> batch, int from, StorageException failure) {
        for (int k = from; k < batch.size(); k++) {
            batch.get(k).future().completeExceptionally(failure);
        }
    }
}
