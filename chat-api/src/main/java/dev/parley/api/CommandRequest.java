package dev.parley.api;

import java.util.Objects;

/**
 * A request that is not part of the KTN core: an extension of Parley's protocol or a command
 * that an embedding application registered.
 *
 * @param name    the request name on the wire; never one of the KTN core names
 * @param content the argument as a JSON-like value (see {@link Message}), or {@code null}
 */
public record CommandRequest(String name, Object content) implements Request {

    public CommandRequest {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }
}
