package dev.parley.storage.file;

import dev.parley.spi.StorageProvider;
import dev.parley.tck.StorageConformanceTest;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.io.TempDir;

/** The file store passes the storage suite, keeping timestamps to the nanosecond. */
class FileStorageConformanceTest extends StorageConformanceTest {

    @TempDir
    Path dir;

    @Override
    protected StorageProvider provider() {
        return new FileStorageProvider();
    }

    @Override
    protected String location() {
        return "file:" + dir.resolve("data");
    }

    @Override
    protected ChronoUnit timestampPrecision() {
        return ChronoUnit.NANOS;
    }
}
