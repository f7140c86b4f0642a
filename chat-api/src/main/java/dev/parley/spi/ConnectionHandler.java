package dev.parley.spi;

import java.nio.ByteBuffer;

/**
 * Receives the events of one connection.
 *
 * <p>Threading: the transport calls these methods one at a time per connection, in order, on a
 * transport thread that may be shared with other connections (an event loop). They must not
 * block; hand slow work (storage, I/O) to another thread. A handler method that throws gets its
 * connection closed, with the exception passed to {@link #onClosed}.
 */
public interface ConnectionHandler {

    /**
     * Bytes arrived, in the order the peer sent them, split arbitrarily.
     *
     * @param bytes the received bytes between position and limit; valid only during this call,
     *              so copy what must be kept
     */
    void onBytes(ByteBuffer bytes);

    /**
     * The peer shut down its output (end of stream). The connection stays open for writing so
     * that answers to requests already received can still be sent; the handler closes it when
     * done. Called at most once, and never after {@link #onClosed}.
     */
    void onInputClosed();

    /**
     * The connection is closed, by either side or because of an error. Called exactly once per
     * connection, last.
     *
     * @param cause {@code null} for an orderly close; otherwise why it closed, for example a
     *              {@link dev.parley.api.SlowConsumerException} or the I/O error
     */
    void onClosed(Throwable cause);
}
