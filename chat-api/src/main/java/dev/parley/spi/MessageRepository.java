package dev.parley.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Chat messages and their history, per room. Thread-safe.
 */
public interface MessageRepository {

    /**
     * Stores a message. Returns at once, without blocking on I/O; the future completes with the
     * stored message once it is durable under the configured
     * {@link dev.parley.api.Durability}, or exceptionally with a
     * {@link dev.parley.api.StorageException}. Ids increase in the order of calls, and futures
     * complete in that order. Futures may complete on a storage thread: dependent actions must not
     * block (use the {@code *Async} variants for blocking work). After {@link Storage#close()} the
     * returned future fails with a {@link dev.parley.api.StorageException}.
     *
     * <p>Backends keep timestamps to at least millisecond precision.
     */
    CompletableFuture<StoredMessage> append(NewMessage message);

    /**
     * The newest {@code limit} retained messages of {@code room} with an id below
     * {@code beforeId}, oldest first. Sees every message whose append future has completed.
     * May block on I/O.
     *
     * @param beforeId exclusive upper bound; {@link Long#MAX_VALUE} for the newest messages
     * @param limit    at most this many; 0 gives an empty list
     * @throws IllegalArgumentException when {@code limit} is negative
     * @throws dev.parley.api.StorageException when the read fails or the storage is closed
     */
    List<StoredMessage> history(String room, long beforeId, int limit);

    /** The newest {@code limit} retained messages of {@code room}, oldest first. May block on I/O. */
    default List<StoredMessage> latest(String room, int limit) {
        return history(room, Long.MAX_VALUE, limit);
    }
}
