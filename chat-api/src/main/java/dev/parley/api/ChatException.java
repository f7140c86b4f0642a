package dev.parley.api;

/**
 * The root of Parley's exceptions. Unchecked; subclasses say which layer failed, and every
 * message says what failed and, where it can, what to do about it.
 */
public class ChatException extends RuntimeException {

    public ChatException(String message) {
        super(message);
    }

    public ChatException(String message, Throwable cause) {
        super(message, cause);
    }
}
