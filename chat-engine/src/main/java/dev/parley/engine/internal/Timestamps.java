package dev.parley.engine.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Formats timestamps as the strictest known KTN client parses them: ISO-8601 local date-time
 * without zone and without fractions, such as {@code 2026-03-17T22:37:34}. Thread-safe.
 */
public final class Timestamps {

    private final ZoneId zone;

    public Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }
}
