package dev.parley.tck;

import dev.parley.spi.Connection;
import java.nio.ByteBuffer;
import java.util.Random;

/** Test payloads: reproducible random bytes, and sending them in pieces. Thread-safe (stateless). */
public final class Payloads {

    private Payloads() {
    }

    /** {@code size} random bytes; the same {@code seed} gives the same bytes. */
    public static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Sends {@code bytes} through {@code connection} in pieces of at most {@code piece} bytes.
     *
     * @throws AssertionError when a send is refused
     */
    public static void sendInPieces(Connection connection, byte[] bytes, int piece) {
        for (int at = 0; at < bytes.length; at += piece) {
            if (!connection.send(ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at)))) {
                throw new AssertionError("send refused at byte " + at + " of " + bytes.length + " on " + connection);
            }
        }
    }
}
