package dev.parley.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ConfigurationException;
import dev.parley.api.StorageConfig;
import dev.parley.spi.Providers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageProviderTest {

    @TempDir
    Path dir;

    @Test
    void isFoundByTheFileScheme() {
        assertThat(Providers.storage("file")).isInstanceOf(FileStorageProvider.class);
        assertThat(new FileStorageProvider().name()).isEqualTo("file");
    }

    @Test
    void readsRelativeAbsoluteAndUrlLocations() {
        assertThat(FileStorageProvider.directoryOf("file:./data")).isEqualTo(Path.of("./data"));
        assertThat(FileStorageProvider.directoryOf("file:data")).isEqualTo(Path.of("data"));
        assertThat(FileStorageProvider.directoryOf("file:/var/lib/parley")).isEqualTo(Path.of("/var/lib/parley"));
        assertThat(FileStorageProvider.directoryOf("file:///var/lib/parley")).isEqualTo(Path.of("/var/lib/parley"));
        assertThat(FileStorageProvider.directoryOf("file://localhost/var/lib/parley")).isEqualTo(Path.of("/var/lib/parley"));
        assertThat(FileStorageProvider.directoryOf("file:///tmp/with%20space")).isEqualTo(Path.of("/tmp/with space"));
    }

    @Test
    void refusesLocationsThatNameNoLocalDirectory() {
        assertThatThrownBy(() -> FileStorageProvider.directoryOf("file:"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("file:./data");
        assertThatThrownBy(() -> FileStorageProvider.directoryOf("file://server/share"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("server");
        assertThatThrownBy(() -> FileStorageProvider.directoryOf("jdbc:h2:mem"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("file:");
    }

    @Test
    void opensTheDirectoryOfTheLocation() {
        Path data = dir.resolve("nested/data");
        try (FileStorage storage = new FileStorageProvider().open(StorageConfig.of("file:" + data))) {
            assertThat(storage.directory()).isEqualTo(data.toAbsolutePath());
            assertThat(data.resolve("parley.lock")).exists();
        }
    }

    @Test
    void refusesUnknownOptionsAndBadSizes() {
        StorageConfig config = StorageConfig.of("file:" + dir);
        assertThatThrownBy(() -> FileStorage.open(dir, config.withOptions(Map.of("segmentSize", "1m"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("segmentSize").hasMessageContaining("segmentBytes");
        assertThatThrownBy(() -> FileStorage.open(dir, config.withOptions(Map.of("segmentBytes", "lots"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("segmentBytes").hasMessageContaining("lots");
        assertThatThrownBy(() -> FileStorage.open(dir, config.withOptions(Map.of("segmentBytes", "100"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("between 4k and 1g");
        try (FileStorage storage = FileStorage.open(dir, config.withOptions(Map.of("segmentBytes", "8K")))) {
            assertThat(storage.segmentCount()).isEqualTo(1);
        }
    }
}
