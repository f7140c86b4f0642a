package dev.parley.api;

import java.util.Map;
import java.util.Objects;

/**
 * A Parley extension: register an account with a password, and log in to it. On the wire
 * {@code {"request": "register", "content": {"username": ..., "password": ...}}}.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record RegisterRequest(String username, String password) implements Request {

    public RegisterRequest {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public Object content() {
        return Map.of("username", username, "password", password);
    }

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", password=***]";
    }
}
