package dev.parley.api;

import java.time.Duration;

/**
 * How much history a room keeps. A message is retained while it is among the room's newest
 * {@code maxMessages} and younger than {@code maxAge}; a backend may reclaim the space of the
 * others at any time, and never returns them from a history query or a find.
 *
 * <p>The newest {@code maxMessages} are counted among the messages appended to the room,
 * including those deleted since ({@link dev.parley.spi.MessageRepository#delete}): deleting a
 * message never brings back an older one that retention hid, so what a room shows does not
 * depend on whether the backend had reclaimed it yet.
 *
 * @param maxAge      how long messages are kept; {@code null} for no age limit
 * @param maxMessages how many of the newest messages are kept; 0 for no count limit
 */
public record Retention(Duration maxAge, long maxMessages) {

    /** Keep everything. */
    public static final Retention FOREVER = new Retention(null, 0);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new ConfigurationException("maxAge must be positive or null (no limit), was " + maxAge);
        }
        if (maxMessages < 0) {
            throw new ConfigurationException("maxMessages must be 0 (no limit) or positive, was " + maxMessages);
        }
    }

    /** Keep messages younger than {@code maxAge}. */
    public static Retention ofAge(Duration maxAge) {
        return new Retention(maxAge, 0);
    }

    /** Keep the newest {@code maxMessages} messages. */
    public static Retention ofCount(long maxMessages) {
        return new Retention(null, maxMessages);
    }
}
