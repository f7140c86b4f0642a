package dev.parley.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ConfigurationException;
import dev.parley.api.StorageConfig;
import dev.parley.spi.Providers;
import dev.parley.spi.Storage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoStorageProviderTest {

    @Test
    void isFoundByBothMongoSchemes() {
        assertThat(Providers.storage("mongodb")).isInstanceOf(MongoStorageProvider.class);
        assertThat(Providers.storage("mongodb+srv")).isInstanceOf(MongoStorageProvider.class);
        assertThat(new MongoStorageProvider().name()).isEqualTo("mongodb");
        assertThat(new MongoStorageProvider().supportsScheme("mongo")).isFalse();
        assertThat(new MongoStorageProvider().supportsScheme("file")).isFalse();
    }

    @Test
    void refusesLocationsOfOtherSchemes() {
        assertThatThrownBy(() -> new MongoStorageProvider().open(StorageConfig.of("file:./data")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("mongodb://");
    }

    @Test
    void refusesUnknownOptionsBeforeConnecting() {
        StorageConfig config = StorageConfig.of("mongodb://127.0.0.1:1/parley")
                .withOptions(Map.of("username", "ann"));
        assertThatThrownBy(() -> new MongoStorageProvider().open(config))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("username").hasMessageContaining("[maxPendingAppends, password, user]");
    }

    @Test
    void opensADatabaseOfTheInProcessServer() {
        try (InProcessMongo mongo = new InProcessMongo();
             Storage storage = new MongoStorageProvider().open(StorageConfig.of(mongo.newLocation()))) {
            assertThat(storage.messages().latest("lobby", 10)).isEmpty();
            assertThat(storage.toString()).contains(mongo.hostAndPort());
        }
    }
}
