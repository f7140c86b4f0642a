package dev.parley.api;

import java.util.Objects;

/** The KTN {@code login} request: log in under {@code username}. */
public record LoginRequest(String username) implements Request {

    public LoginRequest {
        Objects.requireNonNull(username, "username");
    }

    @Override
    public String name() {
        return "login";
    }

    @Override
    public Object content() {
        return username;
    }
}
