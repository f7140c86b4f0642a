package dev.parley.api;

import java.util.List;
import java.util.Objects;

/** Earlier chat messages, oldest first: the KTN {@code history} response. */
public record HistoryResponse(String timestamp, String sender, List<ChatMessage> messages) implements Response {

    public HistoryResponse {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sender, "sender");
        messages = List.copyOf(messages);
    }

    @Override
    public String kind() {
        return "history";
    }

    @Override
    public Object content() {
        return messages;
    }
}
