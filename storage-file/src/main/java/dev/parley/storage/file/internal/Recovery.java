package dev.parley.storage.file.internal;

import dev.parley.api.StorageException;
import dev.parley.spi.StoredMessage;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every segment of a data directory once at open: checks each record, rebuilds the index
 * and truncates a record torn by a crash off the end of the newest segment (see the package
 * Javadoc for what counts as torn and what as corruption).
 *
 * <p>Not thread-safe: used once, by the thread opening the storage, before the writer starts.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    /** How far past the last good id a record after a bad one may be and still count as real. */
    private static final long MAX_ID_GAP = 1L << 32;

    private final LogFiles files;
    private ByteBuffer window = ByteBuffer.allocate(1 << 20);
    private long windowStart;
    private int windowLength;
    private long records;

    Recovery(LogFiles files) {
        this.files = files;
    }

    /** How many records were recovered. */
    long records() {
        return records;
    }

    /**
     * Recovers the segments into {@code files}, creating the first segment in an empty directory.
     *
     * @return the id the next append gets
     * @throws StorageException if a segment is damaged other than by a torn final write
     */
    long run() throws IOException {
        Path directory = files.directory();
        List<Path> paths;
        try (Stream<Path> list = Files.list(directory)) {
            paths = list.filter(p -> Segment.firstIdOf(p) > 0)
                    .sorted(Comparator.comparingLong(Segment::firstIdOf))
                    .toList();
        }
        if (paths.isEmpty()) {
            files.addSegment(Segment.create(directory, 1));
            files.active().force();
            SegmentWriter.syncDirectory(directory);
            return 1;
        }
        long lastId = 0;
        for (int k = 0; k < paths.size(); k++) {
            boolean newest = k == paths.size() - 1;
            long nextFirstId = newest ? Long.MAX_VALUE : Segment.firstIdOf(paths.get(k + 1));
            Segment segment = Segment.open(paths.get(k), Segment.firstIdOf(paths.get(k)));
            files.addSegment(segment);
            lastId = scan(segment, newest, lastId, nextFirstId);
        }
        return Math.max(lastId + 1, files.active().firstId());
    }

    private long scan(Segment segment, boolean newest, long lastId, long nextFirstId) throws IOException {
        windowLength = 0;
        long size = segment.size();
        if (size < RecordFormat.HEADER_BYTES) {
            if (!newest) {
                throw corrupt(segment, 0, "the file is shorter than its header");
            }
            // A crash while a new segment was being started: write its header again.
            segment.truncate(0);
            segment.append(RecordFormat.header(segment.firstId()));
            segment.force();
            LOG.warn("Rewrote the header of {}, cut short by a crash ({} bytes)", segment, size);
            return lastId;
        }
        checkHeader(segment, size);
        long id = lastId;
        long position = RecordFormat.HEADER_BYTES;
        while (position < size) {
            String problem;
            if (size - position < RecordFormat.RECORD_OVERHEAD) {
                problem = "a record header cut short by the end of the file";
            } else {
                int at = load(segment, size, position, RecordFormat.RECORD_OVERHEAD);
                int length = window.getInt(at);
                int crc = window.getInt(at + 4);
                if (!RecordFormat.plausibleLength(length)) {
                    problem = "an impossible record length " + length;
                } else if (position + RecordFormat.RECORD_OVERHEAD + length > size) {
                    problem = "a record of " + length + " bytes that runs past the end of the file";
                } else {
                    at = load(segment, size, position, RecordFormat.RECORD_OVERHEAD + length) + RecordFormat.RECORD_OVERHEAD;
                    problem = check(segment, position, length, crc, at, id, nextFirstId);
                    if (problem == null) {
                        id = RecordFormat.id(window, at);
                        position += RecordFormat.RECORD_OVERHEAD + length;
                        continue;
                    }
                }
            }
            if (!newest) {
                throw corrupt(segment, position, problem);
            }
            long goodAfter = goodRecordAfter(segment, size, position, id);
            if (goodAfter >= 0) {
                throw corrupt(segment, position, problem + ", followed by a good record at offset " + goodAfter);
            }
            segment.truncate(position);
            LOG.warn("Truncated {} at offset {}, dropping {} bytes of a write torn by a crash ({}); with GROUP_COMMIT "
                    + "or EVERY_WRITE durability no acknowledged message was in them", segment, position, size - position,
                    problem);
            break;
        }
        return id;
    }

    /** Checks and indexes the record whose payload is at {@code at} in the window; returns what is wrong, or null. */
    private String check(Segment segment, long position, int length, int crc, int at, long lastId, long nextFirstId) {
        if (RecordFormat.crc(window, at, length) != crc) {
            return "a CRC mismatch";
        }
        StoredMessage message;
        try {
            message = RecordFormat.decode(window, at, length);
        } catch (StreamCorruptedException e) {
            return e.getMessage();
        }
        if (message.id() <= lastId || message.id() < segment.firstId() || message.id() >= nextFirstId) {
            return "message id " + message.id() + " out of order (after " + lastId + ", in a segment for ids "
                    + segment.firstId() + " to " + (nextFirstId - 1) + ")";
        }
        files.publish(segment, message.id(), position, message.room(), message.timestamp());
        records++;
        return null;
    }

    private void checkHeader(Segment segment, long size) throws IOException {
        int at = load(segment, size, 0, RecordFormat.HEADER_BYTES);
        if (window.getInt(at) != RecordFormat.MAGIC) {
            throw corrupt(segment, 0, "no Parley segment header (wrong magic number)");
        }
        int version = window.getInt(at + 4);
        if (version != RecordFormat.VERSION) {
            throw new StorageException(segment + " has format version " + version + " but this Parley reads version "
                    + RecordFormat.VERSION + "; run the Parley release that wrote it");
        }
        if (window.getLong(at + 8) != segment.firstId()) {
            throw corrupt(segment, 8, "the header says first id " + window.getLong(at + 8) + ", the name says "
                    + segment.firstId());
        }
    }

    /**
     * The offset of a record after the bad one at {@code bad} that looks real (plausible length,
     * an id just above the last good one, a matching CRC), or -1. Such a record proves the damage
     * is not a torn final write, so truncating could lose acknowledged messages.
     */
    private long goodRecordAfter(Segment segment, long size, long bad, long lastId) throws IOException {
        int probe = RecordFormat.RECORD_OVERHEAD + 8;
        for (long q = bad + 1; q + RecordFormat.RECORD_OVERHEAD + RecordFormat.MIN_PAYLOAD <= size; q++) {
            int at = load(segment, size, q, probe);
            int length = window.getInt(at);
            if (!RecordFormat.plausibleLength(length) || q + RecordFormat.RECORD_OVERHEAD + length > size) {
                continue;
            }
            long id = window.getLong(at + RecordFormat.RECORD_OVERHEAD);
            if (id <= lastId || id - lastId > MAX_ID_GAP) {
                continue;
            }
            at = load(segment, size, q, RecordFormat.RECORD_OVERHEAD + length);
            if (RecordFormat.crc(window, at + RecordFormat.RECORD_OVERHEAD, length) == window.getInt(at + 4)) {
                return q;
            }
        }
        return -1;
    }

    /** Makes the window hold {@code [position, position + length)}; returns where that starts in it. */
    private int load(Segment segment, long size, long position, int length) throws IOException {
        if (position >= windowStart && position + length <= windowStart + windowLength) {
            return (int) (position - windowStart);
        }
        if (window.capacity() < length) {
            window = ByteBuffer.allocate(length);
        }
        int toRead = (int) Math.min(window.capacity(), size - position);
        window.clear().limit(toRead);
        segment.readFully(window, position);
        windowStart = position;
        windowLength = toRead;
        return 0;
    }

    private StorageException corrupt(Segment segment, long offset, String problem) {
        return new StorageException("segment file " + segment + " is damaged at offset " + offset + " (" + problem
                + "), and messages that were acknowledged may be in or after it, so Parley will not start on it. "
                + "Restore the data directory from a backup, or move that file out of " + files.directory()
                + " to start without the messages in it");
    }
}
