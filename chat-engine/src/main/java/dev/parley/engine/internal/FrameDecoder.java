package dev.parley.engine.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into JSON values, whatever the peer's framing: one compact value per
 * line, values back to back with nothing between them, pretty-printed values over many lines,
 * a value split across reads or several packed into one.
 *
 * <p>It scans bytes rather than parsing: it tracks nesting depth, strings and escapes, which is
 * safe on UTF-8 because every byte of a multi-byte character has its high bit set. Parsing the
 * frame is the codec's job. Bytes at the top level that cannot start an object or array are
 * junk: they are reported once, as one invalid frame, up to the next newline, {@code {} or
 * {@code [}, so the connection stays usable after a typo.
 *
 * <p>Not thread-safe: one connection, one decoder, fed from one thread at a time.
 */
public final class FrameDecoder {

    /** Receives what the decoder finds. */
    public interface Sink {

        /** A complete top-level object or array, as raw bytes (a fresh array). */
        void onFrame(byte[] frame);

        /** Bytes that cannot be JSON, such as a bare word; {@code junk} is a printable excerpt. */
        void onJunk(String junk);

        /**
         * A frame grew past the maximum. The decoder ignores all further input, since the
         * stream can no longer be split reliably; the connection should be closed.
         */
        void onOversized(int maxFrameBytes);
    }

    private enum State { BETWEEN, VALUE, JUNK, FAILED }

    private final int maxFrameBytes;
    private byte[] buffer = new byte[256];
    private int length;
    private State state = State.BETWEEN;
    private int depth;
    private boolean inString;
    private boolean escaped;

    /** A decoder that refuses frames longer than {@code maxFrameBytes}. */
    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 2) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 2, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Consumes all remaining bytes of {@code bytes}, reporting frames to {@code sink} as they complete. */
    public void feed(ByteBuffer bytes, Sink sink) {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            switch (state) {
                case FAILED -> {
                    bytes.position(bytes.limit());
                    return;
                }
                case BETWEEN -> between(b, sink);
                case JUNK -> junk(b, sink);
                case VALUE -> value(b, sink);
            }
        }
    }

    /** Whether the decoder gave up after an oversized frame. */
    public boolean failed() {
        return state == State.FAILED;
    }

    /** Whether part of a frame is buffered, waiting for more bytes. */
    public boolean hasPartialFrame() {
        return length > 0;
    }

    private void between(byte b, Sink sink) {
        if (isWhitespace(b)) {
            return;
        }
        if (b == '{' || b == '[') {
            startValue(b);
        } else {
            state = State.JUNK;
            append(b, sink);
        }
    }

    private void junk(byte b, Sink sink) {
        if (b == '\n' || b == '\r' || b == '{' || b == '[') {
            String excerpt = new String(buffer, 0, Math.min(length, 60), StandardCharsets.UTF_8).strip();
            length = 0;
            state = State.BETWEEN;
            sink.onJunk(excerpt);
            if (b == '{' || b == '[') {
                startValue(b);
            }
        } else {
            append(b, sink);
        }
    }

    private void value(byte b, Sink sink) {
        if (!append(b, sink)) {
            return;
        }
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> depth++;
            case '}', ']' -> {
                if (--depth == 0) {
                    byte[] frame = Arrays.copyOf(buffer, length);
                    length = 0;
                    state = State.BETWEEN;
                    sink.onFrame(frame);
                }
            }
            default -> {
            }
        }
    }

    private void startValue(byte b) {
        state = State.VALUE;
        depth = 1;
        inString = false;
        escaped = false;
        buffer[0] = b;
        length = 1;
    }

    private boolean append(byte b, Sink sink) {
        if (length == maxFrameBytes) {
            state = State.FAILED;
            length = 0;
            buffer = new byte[0];
            sink.onOversized(maxFrameBytes);
            return false;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(maxFrameBytes, 2L * buffer.length));
        }
        buffer[length++] = b;
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
