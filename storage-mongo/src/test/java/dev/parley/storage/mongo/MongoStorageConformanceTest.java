package dev.parley.storage.mongo;

import dev.parley.spi.StorageProvider;
import dev.parley.tck.StorageConformanceTest;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The MongoDB store passes the storage suite against mongo-java-server, keeping timestamps to the
 * nanosecond; each test gets its own database, and a reopen is a new storage on that database.
 */
class MongoStorageConformanceTest extends StorageConformanceTest {

    private static InProcessMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Override
    protected StorageProvider provider() {
        return new MongoStorageProvider();
    }

    @Override
    protected String location() {
        return mongo.newLocation();
    }

    @Override
    protected ChronoUnit timestampPrecision() {
        return ChronoUnit.NANOS;
    }
}
