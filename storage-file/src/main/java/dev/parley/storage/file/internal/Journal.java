package dev.parley.storage.file.internal;

import dev.parley.api.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crash-safe map from text keys to byte values, kept whole in memory and in one append-only
 * file: the small, rarely written state of the file store (accounts, rooms, the offline queue,
 * sanctions, settings, deleted messages).
 *
 * <p>Each {@link #apply change} is one record {@code [length int][crc32c int][payload]} whose
 * payload holds one or more puts and removes, so a change of several keys is atomic. A change is
 * synced to disk before {@code apply} returns (unless the store is configured to leave that to the
 * OS). At open the file is replayed; a record torn by a crash at the very end of the file is cut
 * off, while a damaged record followed by more data is corruption and refuses the open. When the
 * file has grown to several times the live data, it is rewritten (compacted) at open through a
 * temporary file and an atomic rename.
 *
 * <p>Thread-safe: every method synchronises on the journal. Not restartable after {@link #close()}.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final byte[] MAGIC = {'P', 'R', 'L', 'J', 0, 0, 0, 1};
    private static final int MAX_RECORD = 64 << 20;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;

    /** One change of one key: a put when {@code value} is not {@code null}, else a remove. */
    record Op(String key, byte[] value) {
        static Op put(String key, byte[] value) {
            return new Op(key, value);
        }

        static Op remove(String key) {
            return new Op(key, null);
        }
    }

    private final Path file;
    private final String what;
    private final boolean sync;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private FileChannel channel;
    private long liveBytes;
    private boolean closed;
    /** Set when a failed write could not be cut off again: later writes would land after garbage. */
    private boolean broken;

    private Journal(Path file, String what, boolean sync) {
        this.file = file;
        this.what = what;
        this.sync = sync;
    }

    /**
     * Opens (creating if needed) the journal {@code file}, replaying it into memory.
     *
     * @param what what it holds, for error messages ("accounts")
     * @param sync whether each change is synced to disk before {@link #apply} returns
     * @throws StorageException when the file is damaged other than by a torn final write, or unusable
     */
    static Journal open(Path file, String what, boolean sync) {
        Journal journal = new Journal(file, what, sync);
        try {
            journal.replay();
        } catch (IOException e) {
            journal.closeQuietly();
            throw new StorageException("could not read the " + what + " of the file store from " + file + ": "
                    + e.getMessage() + "; check the file's permissions and the disk", e);
        } catch (RuntimeException e) {
            journal.closeQuietly();
            throw e;
        }
        return journal;
    }

    /** The value under {@code key}, or {@code null}. The array must not be changed. */
    synchronized byte[] get(String key) {
        checkOpen();
        return entries.get(key);
    }

    /** A snapshot of every entry, in the order keys were first put. */
    synchronized Map<String, byte[]> entries() {
        checkOpen();
        return new LinkedHashMap<>(entries);
    }

    /**
     * Writes {@code ops} as one atomic record, then applies them in memory. Durable when it
     * returns; if the write fails, memory is unchanged.
     *
     * @throws StorageException when the write fails (such as a full disk) or the journal is closed
     */
    synchronized void apply(List<Op> ops) {
        checkWritable();
        if (ops.isEmpty()) {
            return;
        }
        byte[] payload = encode(ops);
        long end = -1;
        try {
            end = channel.size();
            ByteBuffer record = record(payload);
            while (record.hasRemaining()) {
                channel.write(record, end + record.position());
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            truncateAfterFailure(end);
            throw new StorageException("could not save the " + what + " to " + file + ": " + e.getMessage()
                    + "; nothing was changed. Free disk space or check the disk, then try again", e);
        }
        applyInMemory(ops);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("the file store is closed; open it again to use its " + what);
        }
    }

    private void checkWritable() {
        checkOpen();
        if (broken) {
            throw new StorageException("the " + what + " journal " + file + " could not be repaired after a failed"
                    + " write; restart the server to recover it (the damaged tail is cut off at open)");
        }
    }

    private void replay() throws IOException {
        boolean existed = Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = channel.size();
        if (!existed || size == 0) {
            writeHeader(channel);
            return;
        }
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            // read the whole file: journals are small
        }
        all.flip();
        byte[] magic = new byte[MAGIC.length];
        if (all.remaining() < MAGIC.length || !java.util.Arrays.equals(readInto(all, magic), MAGIC)) {
            throw new StorageException(file + " is not a Parley file-store journal (wrong header); restore it from a"
                    + " backup or move it away to start the " + what + " empty");
        }
        long fileBytes = MAGIC.length;
        while (all.remaining() > 0) {
            long start = all.position();
            if (all.remaining() < 8) {
                cutTornTail(start, size);
                break;
            }
            int length = all.getInt();
            int crc = all.getInt();
            if (length < 0 || length > MAX_RECORD || length > all.remaining()) {
                if (length >= 0 && length <= MAX_RECORD) {
                    cutTornTail(start, size);
                    break;
                }
                throw corrupt(start);
            }
            byte[] payload = new byte[length];
            all.get(payload);
            if (crc32c(payload) != crc) {
                if (!all.hasRemaining()) {
                    cutTornTail(start, size);
                    break;
                }
                throw corrupt(start);
            }
            applyInMemory(decode(payload, start));
            fileBytes += 8 + length;
        }
        if (fileBytes > 4 * (liveBytes + 4096)) {
            compact();
        }
    }

    private void cutTornTail(long start, long size) throws IOException {
        LOG.warn("The {} journal {} ends in a record torn by a crash; cutting off its last {} bytes", what, file,
                size - start);
        channel.truncate(start);
        channel.force(true);
    }

    private StorageException corrupt(long offset) {
        return new StorageException("the " + what + " journal " + file + " is damaged at byte " + offset
                + " (more data follows, so it is not a write torn by a crash); restore it from a backup."
                + " The server refuses to start rather than lose data silently");
    }

    private void compact() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeHeader(out);
            List<Op> ops = new ArrayList<>();
            entries.forEach((k, v) -> ops.add(Op.put(k, v)));
            if (!ops.isEmpty()) {
                ByteBuffer record = record(encode(ops));
                while (record.hasRemaining()) {
                    out.write(record);
                }
            }
            out.force(true);
        }
        channel.close();
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(file.getParent());
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        LOG.debug("Compacted the {} journal {}", what, file);
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename is still atomic there.
        }
    }

    private void writeHeader(FileChannel out) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(MAGIC);
        out.position(0);
        while (header.hasRemaining()) {
            out.write(header);
        }
        out.force(true);
        syncDirectory(file.getParent());
    }

    /** Cuts off what a failed write may have left after {@code end}, so the next record follows good data. */
    private void truncateAfterFailure(long end) {
        if (end < MAGIC.length) {
            return;
        }
        try {
            channel.truncate(end);
        } catch (IOException e) {
            broken = true;
            LOG.error("Could not cut a failed write off the {} journal {}; refusing further changes until the"
                    + " store is reopened", what, file, e);
        }
    }

    private void applyInMemory(List<Op> ops) {
        for (Op op : ops) {
            byte[] old = op.value() == null ? entries.remove(op.key()) : entries.put(op.key(), op.value());
            if (old != null) {
                liveBytes -= old.length + op.key().length();
            }
            if (op.value() != null) {
                liveBytes += op.value().length + op.key().length();
            }
        }
    }

    private static byte[] encode(List<Op> ops) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ops.size());
            for (Op op : ops) {
                out.writeByte(op.value() == null ? REMOVE : PUT);
                byte[] key = op.key().getBytes(StandardCharsets.UTF_8);
                out.writeInt(key.length);
                out.write(key);
                if (op.value() != null) {
                    out.writeInt(op.value().length);
                    out.write(op.value());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private List<Op> decode(byte[] payload, long offset) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int count = in.readInt();
            List<Op> ops = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                byte type = in.readByte();
                String key = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                if (type == PUT) {
                    ops.add(Op.put(key, in.readNBytes(in.readInt())));
                } else if (type == REMOVE) {
                    ops.add(Op.remove(key));
                } else {
                    throw corrupt(offset);
                }
            }
            return ops;
        } catch (IOException e) {
            throw corrupt(offset);
        }
    }

    private static ByteBuffer record(byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt(crc32c(payload)).put(payload).flip();
    }

    private static int crc32c(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static byte[] readInto(ByteBuffer buffer, byte[] target) {
        buffer.get(target);
        return target;
    }

    private void closeQuietly() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", file, e);
            }
        }
    }
}
