package dev.parley.storage.file.internal;

import dev.parley.spi.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The file store's run-time settings, in a {@link Journal}. Thread-safe. */
final class FileSettings implements SettingsRepository {

    private final Journal journal;

    FileSettings(Journal journal) {
        this.journal = journal;
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        journal.entries().forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        journal.apply(List.of(Journal.Op.put(key, value.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public boolean remove(String key) {
        synchronized (journal) {
            if (journal.get(key) == null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.remove(key)));
            return true;
        }
    }
}
