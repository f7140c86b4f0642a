package dev.parley.api;

/**
 * A response from the server to a client: on the wire
 * {@code {"timestamp": ..., "sender": ..., "response": kind, "content": ...}}.
 *
 * <p>Timestamps are kept exactly as the server sent them, because peers in the wild use several
 * forms and clients display them as given. A Parley server sends ISO-8601 local date-times
 * without zone, such as {@code 2026-03-17T22:37:34}.
 */
public sealed interface Response extends Message
        permits ChatMessage, ErrorResponse, InfoResponse, HistoryResponse, OtherResponse {

    /** The sender a server uses for responses that no user wrote. */
    String SERVER = "server";

    /** When the server sent this, as the server wrote it; never {@code null}, possibly empty. */
    String timestamp();

    /** Who sent it: a username, or {@link #SERVER}. */
    String sender();

    /** The response kind on the wire, such as {@code "message"}. */
    String kind();

    /** The payload as a JSON-like value (see {@link Message}). */
    Object content();
}
