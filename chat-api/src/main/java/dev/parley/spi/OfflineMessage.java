package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Something waiting for a registered user who was offline when it was sent: a private message,
 * an invitation, a file offer.
 *
 * @param id        assigned by the storage: positive, unique within the storage, increasing in
 *                  the order of {@link OfflineQueue#enqueue} calls
 * @param recipient the account it waits for, as passed to {@code enqueue}
 * @param sender    who sent it
 * @param timestamp when the server received it
 * @param kind      what it is, such as {@code pm}; chosen by the engine, opaque to storage
 * @param body      its content; for a private message the text, otherwise as {@code kind} says
 */
public record OfflineMessage(long id, String recipient, String sender, Instant timestamp, String kind,
                             String body) {

    public OfflineMessage {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
    }
}
