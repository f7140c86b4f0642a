package dev.parley.api;

import java.util.Objects;

/** The KTN {@code msg} request: broadcast {@code text} to every logged-in client, the sender included. */
public record MsgRequest(String text) implements Request {

    public MsgRequest {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
        return "msg";
    }

    @Override
    public Object content() {
        return text;
    }
}
