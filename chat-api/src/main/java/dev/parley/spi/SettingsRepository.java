package dev.parley.spi;

import java.util.Map;

/**
 * Server settings changed at run time (message of the day, limits, guest access...), so that
 * they survive a restart. Keys and values are opaque text to storage; the engine names and
 * validates them.
 *
 * <p>Thread-safe. Every method may block on I/O; a write is durable when it returns. Failures are
 * {@link dev.parley.api.StorageException}s, also after {@link Storage#close()}.
 */
public interface SettingsRepository {

    /** Every stored setting. */
    Map<String, String> all();

    /** Stores {@code value} under {@code key}, replacing any earlier value. */
    void put(String key, String value);

    /**
     * Removes the setting, so the server's configured default applies again.
     *
     * @return {@code false} when there was none
     */
    boolean remove(String key);
}
