package dev.parley.spi;

import dev.parley.api.StorageConfig;

/**
 * Entry point of a storage backend. Found through {@link Providers} by the scheme of
 * {@link StorageConfig#location()}.
 *
 * <p>Implementations are thread-safe and have a public no-argument constructor.
 */
public interface StorageProvider {

    /** The name users pick this backend by, such as {@code file}. */
    String name();

    /**
     * Whether this backend serves {@code scheme}, the part of a storage location before the
     * first colon. By default, the scheme equal to {@link #name()}.
     */
    default boolean supportsScheme(String scheme) {
        return name().equals(scheme);
    }

    /**
     * Opens (creating if needed) the storage at {@code config.location()}. Blocks until ready,
     * including any recovery.
     *
     * @throws dev.parley.api.StorageException when the storage cannot be opened; the message says
     *                                         why and what to do (for instance, that another
     *                                         server holds the data directory)
     */
    Storage open(StorageConfig config);
}
