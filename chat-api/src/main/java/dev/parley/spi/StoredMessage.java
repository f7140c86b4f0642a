package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat message as stored.
 *
 * @param id        assigned by the storage: positive, unique within the storage, and increasing
 *                  in the order of {@link MessageRepository#append} calls
 * @param room      the room it was written in
 * @param sender    who wrote it
 * @param timestamp when the server received it
 * @param text      what was written
 */
public record StoredMessage(long id, String room, String sender, Instant timestamp, String text) {

    public StoredMessage {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
    }
}
