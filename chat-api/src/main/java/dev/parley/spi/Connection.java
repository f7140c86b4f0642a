package dev.parley.spi;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * One open byte stream to a peer. Thread-safe: any thread may send or close.
 */
public interface Connection extends AutoCloseable {

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** This side's address. */
    InetSocketAddress localAddress();

    /**
     * Queues the buffer's remaining bytes for writing and returns at once; never blocks.
     *
     * <p>The transport reads the bytes through a {@link ByteBuffer#duplicate() duplicate}, so the
     * caller's position is left alone and one buffer may be sent to many connections; the
     * caller must not change its content afterwards.
     *
     * <p>When the queued bytes would exceed {@link dev.parley.api.TransportConfig#maxOutboundBytes()}
     * the peer is a slow consumer: the bytes are dropped and the connection is closed with a
     * {@link dev.parley.api.SlowConsumerException}.
     *
     * @return {@code true} if queued; {@code false} if the connection is closed or closing
     */
    boolean send(ByteBuffer bytes);

    /** Bytes queued and not yet written. */
    long pendingBytes();

    /** Whether the connection is open and not closing. */
    boolean isOpen();

    /**
     * Closes gracefully: stops reading, writes what is already queued (for at most the write
     * timeout), then closes the socket. Returns without waiting for that. Idempotent.
     */
    @Override
    void close();
}
