package dev.parley.api;

/** Moving bytes failed: a socket could not be bound, connected, read or written. */
public class TransportException extends ChatException {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
