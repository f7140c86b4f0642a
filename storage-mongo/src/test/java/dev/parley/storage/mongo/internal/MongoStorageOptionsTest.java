package dev.parley.storage.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoStorageOptionsTest {

    @Test
    void defaultsWhenNothingIsGiven() {
        MongoStorageOptions options = MongoStorageOptions.parse(Map.of());
        assertThat(options.user()).isNull();
        assertThat(options.password()).isNull();
        assertThat(options.maxPendingAppends()).isEqualTo(MongoStorageOptions.DEFAULT_MAX_PENDING_APPENDS);
    }

    @Test
    void readsMaxPendingAppends() {
        assertThat(MongoStorageOptions.parse(Map.of("maxPendingAppends", " 10 ")).maxPendingAppends()).isEqualTo(10);
        assertThatThrownBy(() -> MongoStorageOptions.parse(Map.of("maxPendingAppends", "0")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MongoStorageOptions.parse(Map.of("maxPendingAppends", "lots")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'lots'");
    }

    @Test
    void refusesUnknownOptionsNamingTheKnownOnesAndTheLocation() {
        assertThatThrownBy(() -> MongoStorageOptions.parse(Map.of("replicaSet", "rs0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[replicaSet]").hasMessageContaining("given in the location");
    }
}
