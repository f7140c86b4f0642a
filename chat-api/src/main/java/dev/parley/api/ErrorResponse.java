package dev.parley.api;

import java.util.Objects;

/** A human-readable error text: the KTN {@code error} response. */
public record ErrorResponse(String timestamp, String sender, String text) implements Response {

    public ErrorResponse {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "error";
    }

    @Override
    public Object content() {
        return text;
    }
}
