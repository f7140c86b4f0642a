package dev.parley.storage.file.internal;

import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.io.StreamCorruptedException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.zip.CRC32C;

/**
 * Encodes and decodes segment headers and records; the layout is in the package Javadoc.
 * Stateless and thread-safe.
 */
final class RecordFormat {

    static final int MAGIC = 0x50524C59;
    static final int VERSION = 1;
    static final int HEADER_BYTES = 16;
    /** Length and CRC in front of each payload. */
    static final int RECORD_OVERHEAD = 8;
    /** id, epoch second, nano and three empty strings. */
    static final int MIN_PAYLOAD = 8 + 8 + 4 + 3 * 4;
    /** The largest payload accepted; a longer message is refused at append. */
    static final int MAX_PAYLOAD = 16 << 20;

    private RecordFormat() {
    }

    static ByteBuffer header(long firstId) {
        return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putLong(firstId).flip();
    }

    /**
     * The payload of {@code message} without its id, which is not known yet when this runs
     * (outside the append lock, so that large texts are encoded concurrently).
     *
     * @return the bytes, or {@code null} if the payload would exceed {@link #MAX_PAYLOAD}
     */
    static byte[] body(NewMessage message) {
        byte[] room = message.room().getBytes(StandardCharsets.UTF_8);
        byte[] sender = message.sender().getBytes(StandardCharsets.UTF_8);
        byte[] text = message.text().getBytes(StandardCharsets.UTF_8);
        long size = 8L + 4 + 4 + room.length + 4 + sender.length + 4 + text.length;
        if (size + 8 > MAX_PAYLOAD) {
            return null;
        }
        ByteBuffer body = ByteBuffer.allocate((int) size);
        body.putLong(message.timestamp().getEpochSecond()).putInt(message.timestamp().getNano());
        body.putInt(room.length).put(room).putInt(sender.length).put(sender).putInt(text.length).put(text);
        return body.array();
    }

    /** The size of the record holding {@code body}. */
    static int recordSize(byte[] body) {
        return RECORD_OVERHEAD + 8 + body.length;
    }

    /** Writes the whole record (length, CRC, id, body) into {@code out}. */
    static void writeRecord(ByteBuffer out, long id, byte[] body) {
        CRC32C crc = new CRC32C();
        ByteBuffer idBytes = ByteBuffer.allocate(8).putLong(id).flip();
        crc.update(idBytes.duplicate());
        crc.update(body);
        out.putInt(8 + body.length).putInt((int) crc.getValue()).put(idBytes).put(body);
    }

    /** The CRC32C of {@code length} bytes of {@code buffer} from {@code offset}; leaves it unchanged. */
    static int crc(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().limit(offset + length).position(offset));
        return (int) crc.getValue();
    }

    /** Whether {@code length} can be the length of a payload. */
    static boolean plausibleLength(int length) {
        return length >= MIN_PAYLOAD && length <= MAX_PAYLOAD;
    }

    /**
     * Decodes the payload in {@code buffer} from {@code offset} to {@code offset + length},
     * whose CRC has been checked; leaves the buffer unchanged.
     *
     * @throws StreamCorruptedException if it does not decode to exactly one message
     */
    static StoredMessage decode(ByteBuffer buffer, int offset, int length) throws StreamCorruptedException {
        ByteBuffer in = buffer.duplicate().limit(offset + length).position(offset);
        try {
            long id = in.getLong();
            Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
            String room = string(in);
            String sender = string(in);
            String text = string(in);
            if (in.hasRemaining()) {
                throw new StreamCorruptedException(in.remaining() + " unexpected bytes after the text");
            }
            return new StoredMessage(id, room, sender, timestamp, text);
        } catch (BufferUnderflowException | IllegalArgumentException | DateTimeException e) {
            StreamCorruptedException corrupt = new StreamCorruptedException("undecodable payload: " + e);
            corrupt.initCause(e);
            throw corrupt;
        }
    }

    /** The id at the start of a payload, without decoding the rest. */
    static long id(ByteBuffer buffer, int payloadOffset) {
        return buffer.getLong(payloadOffset);
    }

    private static String string(ByteBuffer in) throws StreamCorruptedException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new StreamCorruptedException("string length " + length + " with " + in.remaining() + " bytes left");
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }
}
