package dev.parley.api;

/** A setting is invalid or a provider cannot be found; the message names the setting and what is allowed. */
public class ConfigurationException extends ChatException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
