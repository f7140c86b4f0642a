package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.NAMES;
import static dev.parley.tck.StorageSuiteSupport.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.spi.SettingsRepository;
import dev.parley.spi.Storage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SettingsRepository}, run by {@link StorageConformanceTest} for every
 * backend: put replaces, remove reports whether there was a value, keys match exactly, values of
 * any text (empty ones too) round-trip, and everything survives a reopen.
 */
abstract class SettingsRepositoryContract extends RepositoryContract {

    @Test
    void putStoresAndReplaces() {
        SettingsRepository settings = open().settings();
        assertThat(settings.all()).isEmpty();
        settings.put("motd", "hello");
        settings.put("max-users", "100");
        assertThat(settings.all()).isEqualTo(Map.of("motd", "hello", "max-users", "100"));
        settings.put("motd", "goodbye");
        assertThat(settings.all()).isEqualTo(Map.of("motd", "goodbye", "max-users", "100"));
    }

    @Test
    void removeReportsWhetherThereWasAValue() {
        SettingsRepository settings = open().settings();
        settings.put("motd", "hello");
        settings.put("guests", "");
        assertThat(settings.remove("MOTD")).isFalse();
        assertThat(settings.remove("motd")).isTrue();
        assertThat(settings.remove("motd")).isFalse();
        assertThat(settings.remove("guests")).as("an empty value is a value").isTrue();
        assertThat(settings.all()).isEmpty();
        settings.put("motd", "again");
        assertThat(settings.all()).isEqualTo(Map.of("motd", "again"));
    }

    @Test
    void keysMatchExactly() {
        SettingsRepository settings = open().settings();
        settings.put("motd", "lower");
        settings.put("MOTD", "upper");
        settings.put("motd ", "trailing space");
        assertThat(settings.all()).isEqualTo(Map.of("motd", "lower", "MOTD", "upper", "motd ", "trailing space"));
    }

    @Test
    void settingsSurviveCloseAndReopenExactly() {
        Storage storage = open();
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String key = "key " + i + " " + NAMES.get(i % NAMES.size());
            storage.settings().put(key, TEXTS.get(i));
            expected.put(key, TEXTS.get(i));
        }
        storage.settings().put("gone", "soon");
        storage.settings().remove("gone");
        storage.settings().put("key 0 ann", "replaced 🚀");
        expected.put("key 0 ann", "replaced 🚀");

        SettingsRepository reopened = reopen(storage).settings();
        assertThat(reopened.all()).isEqualTo(expected);
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        SettingsRepository settings = storage.settings();
        settings.put("motd", "hello");
        storage.close();
        assertEachFailsWithStorageException(
                settings::all,
                () -> settings.put("motd", "after close"),
                () -> settings.remove("motd"));
    }
}
