package dev.parley.api;

/** Where a {@link ChatClient}'s connection stands. */
public enum ClientStatus {
    /** Opening the connection (the first time or after a retry). */
    CONNECTING,
    /** Connected; requests can be sent. */
    CONNECTED,
    /** The connection failed or was lost; the client waits and retries if reconnecting is enabled. */
    DISCONNECTED,
    /** Closed for good, by {@link ChatClient#close()} or because retries are off. */
    CLOSED
}
