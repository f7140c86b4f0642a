package dev.parley.storage.file.internal;

import dev.parley.spi.StoredMessage;
import java.io.EOFException;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One segment file.
 *
 * <p>Threading: {@link #readRecord} is thread-safe. Everything else (writing, the size, the
 * per-room summary) belongs to one thread at a time: recovery while opening, then the writer.
 *
 * <p>Reads use their own channel. A {@link FileChannel} is closed when a thread blocked in it
 * is interrupted; the engine may interrupt a reader (a virtual thread of a closing session), and
 * that must not break reads for everyone else or the writer, so a read channel closed that way
 * is reopened.
 */
final class Segment {

    private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");
    private static final int READ_RETRIES = 3;

    private final Path path;
    private final long firstId;
    private final FileChannel writeChannel;
    private final ReentrantLock reopenLock = new ReentrantLock();
    private volatile FileChannel readChannel;
    private volatile boolean closed;
    private long size;
    /** Room to {maxId, maxTimestampMillis} of its records in this segment, for reclaiming. */
    private final Map<String, long[]> rooms = new HashMap<>();

    private Segment(Path path, long firstId, FileChannel writeChannel, long size) throws IOException {
        this.path = path;
        this.firstId = firstId;
        this.writeChannel = writeChannel;
        this.size = size;
        this.readChannel = FileChannel.open(path, StandardOpenOption.READ);
    }

    static String fileName(long firstId) {
        return String.format("segment-%020d.log", firstId);
    }

    /** The first id in a segment file's name, or -1 if it is not a segment's name. */
    static long firstIdOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Creates a new segment file with its header; fails if the file exists. */
    static Segment create(Path directory, long firstId) throws IOException {
        Path path = directory.resolve(fileName(firstId));
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            writeFully(channel, RecordFormat.header(firstId), 0);
            return new Segment(path, firstId, channel, RecordFormat.HEADER_BYTES);
        } catch (IOException | RuntimeException e) {
            closeQuietlyAfter(channel, e);
            throw e;
        }
    }

    /** Opens an existing segment file for recovery; its size is the file's until recovery says otherwise. */
    static Segment open(Path path, long firstId) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            return new Segment(path, firstId, channel, channel.size());
        } catch (IOException | RuntimeException e) {
            closeQuietlyAfter(channel, e);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long firstId() {
        return firstId;
    }

    long size() {
        return size;
    }

    Map<String, long[]> rooms() {
        return rooms;
    }

    /** Notes that a record of {@code room} is in this segment, for reclaiming. */
    void noteRecord(String room, long id, long timestampMillis) {
        long[] summary = rooms.computeIfAbsent(room, r -> new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
        summary[0] = Math.max(summary[0], id);
        summary[1] = Math.max(summary[1], timestampMillis);
    }

    /** Appends {@code bytes} at the end; the size moves only if all of them were written. */
    void append(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        writeFully(writeChannel, bytes, size);
        size += length;
    }

    /** Flushes written content (not metadata) to stable storage. */
    void force() throws IOException {
        writeChannel.force(false);
    }

    /** Cuts the file to {@code newSize} bytes and forces that to stable storage. */
    void truncate(long newSize) throws IOException {
        writeChannel.truncate(newSize);
        writeChannel.force(true);
        size = newSize;
    }

    /** Reads the whole file range {@code [position, position + dst.remaining())} into {@code dst}. */
    void readFully(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        for (int attempt = 1; ; attempt++) {
            FileChannel channel = readChannel;
            try {
                while (dst.hasRemaining()) {
                    if (channel.read(dst, position + dst.position() - start) < 0) {
                        throw new EOFException("end of " + path + " before offset " + (position + dst.limit() - start));
                    }
                }
                return;
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (ClosedChannelException e) {
                if (closed || attempt >= READ_RETRIES) {
                    throw e;
                }
                reopenReadChannel(channel);
            }
        }
    }

    /** Reads and checks the record at {@code offset}. */
    StoredMessage readRecord(long offset) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(RecordFormat.RECORD_OVERHEAD);
        readFully(head, offset);
        int length = head.getInt(0);
        if (!RecordFormat.plausibleLength(length)) {
            throw new StreamCorruptedException("record length " + length + " at offset " + offset + " of " + path);
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, offset + RecordFormat.RECORD_OVERHEAD);
        if (RecordFormat.crc(payload, 0, length) != head.getInt(4)) {
            throw new StreamCorruptedException("CRC mismatch in the record at offset " + offset + " of " + path);
        }
        return RecordFormat.decode(payload, 0, length);
    }

    /** Closes both channels; reads fail afterwards. Idempotent. */
    void close() throws IOException {
        closed = true;
        reopenLock.lock();
        try {
            IOException failure = null;
            for (FileChannel channel : new FileChannel[] {readChannel, writeChannel}) {
                try {
                    channel.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            reopenLock.unlock();
        }
    }

    /** Closes and deletes the file. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    private void reopenReadChannel(FileChannel stale) throws IOException {
        reopenLock.lock();
        try {
            if (!closed && readChannel == stale) {
                readChannel = FileChannel.open(path, StandardOpenOption.READ);
            }
        } finally {
            reopenLock.unlock();
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private static void closeQuietlyAfter(FileChannel channel, Exception primary) {
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
