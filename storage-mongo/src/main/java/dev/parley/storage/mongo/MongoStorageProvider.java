package dev.parley.storage.mongo;

import dev.parley.api.ConfigurationException;
import dev.parley.api.StorageConfig;
import dev.parley.spi.Storage;
import dev.parley.spi.StorageProvider;
import dev.parley.storage.mongo.internal.MongoStorage;

/**
 * The {@link StorageProvider} of the MongoDB store, named {@code mongodb}. It serves locations
 * {@code mongodb://[user[:password]@]host[:port][,host...]/[database][?options]} and
 * {@code mongodb+srv://...}; see the {@linkplain dev.parley.storage.mongo package} for
 * credentials, options and guarantees.
 *
 * <p>Thread-safe and stateless; found by {@link java.util.ServiceLoader}.
 */
public final class MongoStorageProvider implements StorageProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public MongoStorageProvider() {
    }

    @Override
    public String name() {
        return "mongodb";
    }

    /** {@code mongodb} and {@code mongodb+srv}. */
    @Override
    public boolean supportsScheme(String scheme) {
        return "mongodb".equals(scheme) || "mongodb+srv".equals(scheme);
    }

    /**
     * Connects to the deployment of {@code config.location()} and opens the store in its
     * database, creating collections and indexes as needed. Blocks until ready; gives up after the
     * server selection timeout (5 s unless the location sets {@code serverSelectionTimeoutMS}).
     *
     * @throws ConfigurationException          if the location is not a MongoDB location or an
     *                                         option is invalid
     * @throws dev.parley.api.StorageException if the servers cannot be reached, refuse the
     *                                         credentials, or the collections cannot be set up;
     *                                         the message says what to check
     */
    @Override
    public Storage open(StorageConfig config) {
        if (!supportsScheme(config.scheme())) {
            throw new ConfigurationException("the MongoDB storage serves locations starting with mongodb:// or "
                    + "mongodb+srv://, not '" + config.scheme() + ":...'");
        }
        return MongoStorage.open(config, System::getenv);
    }
}
