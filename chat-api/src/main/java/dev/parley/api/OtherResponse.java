package dev.parley.api;

import java.util.Objects;

/**
 * A response of any kind outside the KTN core: a Parley protocol extension, an embedding
 * application's own response, or a variant some foreign server sends (such as a {@code names}
 * response carrying a list).
 *
 * @param content the payload as a JSON-like value (see {@link Message}), or {@code null}
 */
public record OtherResponse(String timestamp, String sender, String kind, Object content) implements Response {

    public OtherResponse {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(kind, "kind");
    }
}
