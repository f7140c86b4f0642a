package dev.parley.api;

import java.util.Objects;

/** A human-readable information text (login accepted, names, help): the KTN {@code info} response. */
public record InfoResponse(String timestamp, String sender, String text) implements Response {

    public InfoResponse {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "info";
    }

    @Override
    public Object content() {
        return text;
    }
}
