package dev.parley.api;

/** Storing or reading chat data failed; the cause, if any, is the backend's own exception. */
public class StorageException extends ChatException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
