package dev.parley.spi;

import java.time.Instant;
import java.util.List;

/**
 * What waits for registered users until they next log in. The engine delivers the pending
 * messages of a user at login, in order, and then {@linkplain #remove removes} them, so each is
 * delivered exactly once.
 *
 * <p>Thread-safe. Every method may block on I/O; a write is durable when it returns. Failures are
 * {@link dev.parley.api.StorageException}s, also after {@link Storage#close()}. Recipients are
 * matched exactly: the engine passes the account name as registered.
 */
public interface OfflineQueue {

    /** Stores a message for {@code recipient}; durable when it returns. */
    OfflineMessage enqueue(String recipient, String sender, Instant timestamp, String kind, String body);

    /**
     * The oldest {@code limit} messages waiting for {@code recipient}, oldest first (by id).
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    List<OfflineMessage> pending(String recipient, int limit);

    /**
     * Removes every message waiting for {@code recipient} with an id up to and including
     * {@code upToId}.
     *
     * @return how many were removed
     */
    int remove(String recipient, long upToId);
}
