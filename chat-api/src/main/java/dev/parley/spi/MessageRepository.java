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
     * complete in that order.
     */
    CompletableFuture<StoredMessage> append(NewMessage message);

    /**
     * The newest {@code limit} retained messages of {@code room} with an id below
     * {@code beforeId}, oldest first. Sees every message whose append future has completed.
     * May block on I/O.
     *
     * @param beforeId exclusive upper bound; {@link Long#MAX_VALUE} for the newest messages
     * @param limit    at most this many; 0 gives an empty list
     */
    List<StoredMessage> history(String room, long beforeId, int limit);

    /** The newest {@code limit} retained messages of {@code room}, oldest first. May block on I/O. */
    default List<StoredMessage> latest(String room, int limit) {
        return history(room, Long.MAX_VALUE, limit);
    }
}
