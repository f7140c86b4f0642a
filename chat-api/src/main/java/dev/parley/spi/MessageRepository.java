package dev.parley.spi;

import java.util.List;
import java.util.Optional;
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

    /**
     * The retained message with this id, in any room. May block on I/O.
     *
     * @throws dev.parley.api.StorageException when the read fails or the storage is closed
     */
    Optional<StoredMessage> find(long id);

    /**
     * Removes the message with this id, as a moderator does: it no longer appears in
     * {@link #history}, {@link #find} or after a reopen. Its id is not reused, also after a
     * reopen. It still counts towards its room's {@link dev.parley.api.Retention#maxMessages()}:
     * a room that keeps 3 messages and loses one of them to deletion shows 2 until the next
     * append, never the 4th newest, which retention already hid. May block on I/O; durable when
     * it returns.
     *
     * @return {@code false} when there is no such retained message (never stored, already
     *         deleted, or hidden by retention)
     * @throws dev.parley.api.StorageException when the write fails or the storage is closed
     */
    boolean delete(long id);

    /**
     * Removes every message of {@code room}, as when the room is deleted, so a new room of the same
     * name starts empty. May block on I/O; durable when it returns.
     *
     * @return how many retained messages were removed; messages already deleted or hidden by
     *         retention are not counted, whether or not the backend had reclaimed them
     * @throws dev.parley.api.StorageException when the write fails or the storage is closed
     */
    long deleteRoom(String room);
}
