package dev.parley.api;

import java.util.Map;
import java.util.Objects;

/**
 * The KTN {@code login} request: log in under {@code username}, as a guest (no password, the KTN
 * core form) or into a registered account (with its password, a Parley extension).
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param username the name to log in under
 * @param password the account's password, or {@code null} for a guest login
 */
public record LoginRequest(String username, String password) implements Request {

    public LoginRequest {
        Objects.requireNonNull(username, "username");
    }

    /** A guest login, the KTN core form. */
    public LoginRequest(String username) {
        this(username, null);
    }

    @Override
    public String name() {
        return "login";
    }

    /** The username (KTN core form), or {@code {"username": ..., "password": ...}}. */
    @Override
    public Object content() {
        return password == null ? username : Map.of("username", username, "password", password);
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + (password == null ? "" : ", password=***") + "]";
    }
}
