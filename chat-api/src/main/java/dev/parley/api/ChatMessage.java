package dev.parley.api;

import java.util.Objects;

/** A chat text that {@code sender} wrote: the KTN {@code message} response. */
public record ChatMessage(String timestamp, String sender, String text) implements Response {

    public ChatMessage {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "message";
    }

    @Override
    public Object content() {
        return text;
    }
}
