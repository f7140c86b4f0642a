package dev.parley.tck;

import dev.parley.api.StorageConfig;
import dev.parley.spi.Storage;
import java.time.Duration;
import java.time.Instant;

/**
 * What a repository contract needs from {@link StorageConformanceTest}: storages opened on the
 * location of the running test, and the backend's precision. Every storage it opens is closed by
 * the suite after the test. One thread at a time, like the suite.
 */
interface StorageFixture {

    /** Opens this test's location with {@link #config()}. */
    Storage open();

    /** Opens {@code config}, which names this test's location. */
    Storage open(StorageConfig config);

    /** The configuration of this test's location: group commit, keep everything, no options. */
    StorageConfig config();

    /** Closes {@code storage} and opens its location again with {@code config}, as a restart does. */
    default Storage reopen(Storage storage, StorageConfig config) {
        storage.close();
        return open(config);
    }

    /** Closes {@code storage} and opens this test's location again with {@link #config()}. */
    default Storage reopen(Storage storage) {
        return reopen(storage, config());
    }

    /** {@code instant} truncated to the precision the backend keeps; {@code null} stays {@code null}. */
    Instant normalize(Instant instant);

    /** How long the suite waits for one future or thread before it fails. */
    Duration timeout();
}
