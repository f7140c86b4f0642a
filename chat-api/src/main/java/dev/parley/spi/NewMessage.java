package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A chat message about to be stored.
 *
 * @param room      the room it was written in
 * @param sender    who wrote it
 * @param timestamp when the server received it
 * @param text      what was written
 */
public record NewMessage(String room, String sender, Instant timestamp, String text) {

    public NewMessage {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
    }
}
