package dev.parley.storage.file.internal;

import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.StoredMessage;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segments of a data directory and the per-room index over them: what the writer appends to
 * and history reads from.
 *
 * <p>Threading: {@link #history} is thread-safe. Everything that changes the files or the index
 * (adding segments, publishing records, reclaiming, closing) is called by one thread at a time:
 * recovery while opening, then the writer thread, then {@code close()} after the writer stopped.
 * Segments are deleted only under the write lock of {@code deletion}, and history holds its read
 * lock, so a read never meets a segment deleted under it.
 */
final class LogFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);

    private final Path directory;
    private final StorageConfig config;
    private final Clock clock;
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final Map<String, RoomIndex> rooms = new ConcurrentHashMap<>();
    private final ReadWriteLock deletion = new ReentrantReadWriteLock();
    private final Deletions deletions;
    private volatile boolean closed;

    LogFiles(Path directory, StorageConfig config, Clock clock, Deletions deletions) {
        this.directory = directory;
        this.config = config;
        this.clock = clock;
        this.deletions = deletions;
    }

    Path directory() {
        return directory;
    }

    /** The segment being written: the newest. */
    Segment active() {
        return segments.lastEntry().getValue();
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    int segmentCount() {
        return segments.size();
    }

    /** Messages in the index, retained or not yet reclaimed. */
    long indexedMessages() {
        return rooms.values().stream().mapToLong(RoomIndex::size).sum();
    }

    void addSegment(Segment segment) {
        segments.put(segment.firstId(), segment);
    }

    /** Makes a record written at {@code offset} of {@code segment} visible to history. */
    void publish(Segment segment, long id, long offset, String room, Instant timestamp) {
        if (deletions.isRoomDeleted(id, room)) {
            return;
        }
        long millis = millis(timestamp);
        // A deleted message stays in the index as a marker: it still counts towards retention by count.
        rooms.computeIfAbsent(room, r -> new RoomIndex()).add(id, deletions.isDeleted(id) ? RoomIndex.DELETED : offset,
                millis);
        segment.noteRecord(room, id, millis);
    }

    /** See {@link dev.parley.spi.MessageRepository#history}. */
    List<StoredMessage> history(String room, long beforeId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        RoomIndex index = rooms.get(room);
        if (limit == 0 || index == null) {
            return List.of();
        }
        Retention retention = config.retentionOf(room);
        deletion.readLock().lock();
        try {
            if (closed) {
                throw new StorageException("the file storage in " + directory + " is closed; open it again to read history");
            }
            RoomIndex.Selection selection = index.select(beforeId, limit, retention.maxMessages(),
                    cutoffMillis(retention, clock.instant()));
            List<StoredMessage> result = new ArrayList<>(selection.ids().length);
            for (int i = 0; i < selection.ids().length; i++) {
                long id = selection.ids()[i];
                Segment segment = segments.floorEntry(id).getValue();
                StoredMessage message = segment.readRecord(selection.offsets()[i]);
                if (message.id() != id) {
                    throw new IOException("expected message " + id + " at offset " + selection.offsets()[i]
                            + " of " + segment + " but found " + message.id());
                }
                result.add(message);
            }
            return result;
        } catch (ClosedByInterruptException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while reading the history of room '" + room + "'", e);
        } catch (IOException e) {
            throw new StorageException("could not read the history of room '" + room + "' from " + directory + ": "
                    + e.getMessage() + "; check the disk, and restart the server so that recovery checks the files", e);
        } finally {
            deletion.readLock().unlock();
        }
    }

    /** See {@link dev.parley.spi.MessageRepository#find}. */
    Optional<StoredMessage> find(long id) {
        deletion.readLock().lock();
        try {
            checkOpen();
            Instant now = clock.instant();
            for (Map.Entry<String, RoomIndex> e : rooms.entrySet()) {
                Retention retention = config.retentionOf(e.getKey());
                long offset = e.getValue().offsetOf(id, retention.maxMessages(), cutoffMillis(retention, now));
                if (offset >= 0) {
                    return Optional.of(segments.floorEntry(id).getValue().readRecord(offset));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException("could not read message " + id + " from " + directory + ": " + e.getMessage()
                    + "; check the disk, and restart the server so that recovery checks the files", e);
        } finally {
            deletion.readLock().unlock();
        }
    }

    /** Removes message {@code id} durably, then from the index. See {@link dev.parley.spi.MessageRepository#delete}. */
    boolean delete(long id) {
        checkOpen();
        Instant now = clock.instant();
        for (Map.Entry<String, RoomIndex> e : rooms.entrySet()) {
            Retention retention = config.retentionOf(e.getKey());
            if (e.getValue().offsetOf(id, retention.maxMessages(), cutoffMillis(retention, now)) >= 0) {
                deletions.deleteMessage(id);
                return e.getValue().markDeleted(id);
            }
        }
        return false;
    }

    /**
     * Removes every message of {@code room} up to {@code upToId} durably, then from the index.
     *
     * @return how many retained messages were removed
     */
    long deleteRoom(String room, long upToId) {
        checkOpen();
        deletions.deleteRoom(room, upToId);
        RoomIndex index = rooms.get(room);
        if (index == null) {
            return 0;
        }
        Retention retention = config.retentionOf(room);
        long retained = index.select(upToId + 1, Integer.MAX_VALUE, retention.maxMessages(),
                cutoffMillis(retention, clock.instant())).ids().length;
        index.removeBelow(upToId + 1);
        return retained;
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("the file storage in " + directory + " is closed; open it again");
        }
    }

    /**
     * Deletes the oldest segments, other than the active one, whose every record is outside
     * retention, stopping at the first that holds a retained record (so the index only ever
     * loses a prefix). The test is per room and conservative: a room's records in a segment are
     * out if the newest of them is beyond the room's count limit, or the youngest is past its
     * age limit. A file that cannot be deleted is logged and left for the next start.
     *
     * @return how many segments were deleted
     */
    int reclaim() {
        Instant now = clock.instant();
        List<Segment> doomed = new ArrayList<>();
        Segment active = active();
        for (Segment segment : segments.values()) {
            if (segment == active || !outsideRetention(segment, now)) {
                break;
            }
            doomed.add(segment);
        }
        if (doomed.isEmpty()) {
            return 0;
        }
        long keepFrom = segments.higherKey(doomed.getLast().firstId());
        deletion.writeLock().lock();
        try {
            for (Segment segment : doomed) {
                segments.remove(segment.firstId());
                for (String room : segment.rooms().keySet()) {
                    RoomIndex index = rooms.get(room);
                    if (index != null) {
                        index.removeBelow(keepFrom);
                        if (index.size() == 0) {
                            rooms.remove(room);
                        }
                    }
                }
                try {
                    segment.delete();
                } catch (IOException e) {
                    LOG.warn("Could not delete {}, whose messages are all outside retention: {}; it will be tried again "
                            + "at the next start, or delete it by hand", segment, e.toString());
                }
            }
        } finally {
            deletion.writeLock().unlock();
        }
        LOG.info("Deleted {} segment file(s) in {} whose messages are all outside retention", doomed.size(), directory);
        return doomed.size();
    }

    /** Closes every segment; history fails afterwards. */
    void close() throws IOException {
        deletion.writeLock().lock();
        try {
            closed = true;
            IOException failure = null;
            for (Segment segment : segments.values()) {
                try {
                    segment.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            deletions.close();
            if (failure != null) {
                throw failure;
            }
        } finally {
            deletion.writeLock().unlock();
        }
    }

    private boolean outsideRetention(Segment segment, Instant now) {
        for (Map.Entry<String, long[]> entry : segment.rooms().entrySet()) {
            Retention retention = config.retentionOf(entry.getKey());
            long maxId = entry.getValue()[0];
            long maxMillis = entry.getValue()[1];
            RoomIndex index = rooms.get(entry.getKey());
            boolean beyondCount = retention.maxMessages() > 0 && index != null
                    && maxId < index.idOfNewest(retention.maxMessages());
            boolean tooOld = retention.maxAge() != null && maxMillis <= cutoffMillis(retention, now);
            if (!beyondCount && !tooOld) {
                return false;
            }
        }
        return true;
    }

    /** Records with a timestamp at or before this are too old; {@link Long#MIN_VALUE} for no age limit. */
    private static long cutoffMillis(Retention retention, Instant now) {
        Duration maxAge = retention.maxAge();
        if (maxAge == null) {
            return Long.MIN_VALUE;
        }
        try {
            // MIN_VALUE means "no limit", so a limit reaching past the start of time saturates just above it.
            return Math.max(Long.MIN_VALUE + 1, Math.subtractExact(millis(now), maxAge.toMillis()));
        } catch (ArithmeticException e) {
            return Long.MIN_VALUE + 1;
        }
    }

    /** Milliseconds since the epoch, saturated for instants a long cannot hold. */
    static long millis(Instant t) {
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }
}
