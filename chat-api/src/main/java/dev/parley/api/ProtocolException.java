package dev.parley.api;

/** A peer sent something the protocol does not allow, such as invalid JSON or an oversized frame. */
public class ProtocolException extends ChatException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
