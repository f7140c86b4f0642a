package dev.parley.spi;

import java.net.InetSocketAddress;

/**
 * A listener bound to an address, accepting connections until closed. Thread-safe.
 * Not restartable.
 */
public interface Transport extends AutoCloseable {

    /** The bound address, with the real port when port 0 was asked for. */
    InetSocketAddress localAddress();

    /**
     * The connections accepted and still open; a snapshot. A connection stops counting when it
     * closes, which may be just before its handler hears {@link ConnectionHandler#onClosed}.
     */
    int connectionCount();

    /**
     * Stops accepting, closes every connection this listener accepted (each handler hears
     * {@link ConnectionHandler#onClosed}) and releases all threads and descriptors before it
     * returns. Idempotent.
     */
    @Override
    void close();
}
