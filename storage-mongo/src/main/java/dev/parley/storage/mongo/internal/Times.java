package dev.parley.storage.mongo.internal;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Instants as a BSON date (milliseconds, queryable) plus the nanoseconds within that millisecond
 * in a field named with the suffix {@code Nanos}, so that they round-trip exactly. Stateless.
 */
final class Times {

    private static final int NANOS_PER_MILLI = 1_000_000;

    private Times() {
    }

    /**
     * Sets {@code field} and {@code field + "Nanos"} to {@code instant}, or both to {@code null}.
     *
     * @throws ArithmeticException when the instant is beyond what milliseconds since the epoch hold
     */
    static Document put(Document document, String field, Instant instant) {
        if (instant == null) {
            return document.append(field, null).append(field + "Nanos", null);
        }
        return document.append(field, new Date(instant.toEpochMilli()))
                .append(field + "Nanos", instant.getNano() % NANOS_PER_MILLI);
    }

    /** The instant in {@code field}, or {@code null} when it holds none. */
    static Instant get(Document document, String field) {
        Date date = document.getDate(field);
        if (date == null) {
            return null;
        }
        Number nanos = document.get(field + "Nanos", Number.class);
        return Instant.ofEpochMilli(date.getTime()).plusNanos(nanos == null ? 0 : nanos.longValue());
    }

    /** The date a query compares {@code field} with to find instants after {@code instant}, to the millisecond. */
    static Date date(Instant instant) {
        return new Date(instant.toEpochMilli());
    }
}
