package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import dev.parley.spi.SettingsRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * The {@link SettingsRepository} of the MongoDB store: one document {@code {_id: key, value}} per
 * setting.
 *
 * <p>Thread-safe.
 */
final class MongoSettings implements SettingsRepository {

    private final Guard guard;
    private final MongoCollection<Document> settings;

    /** @param settings the settings collection, with the write concern of the policy */
    MongoSettings(Guard guard, MongoCollection<Document> settings) {
        this.guard = guard;
        this.settings = settings;
    }

    @Override
    public Map<String, String> all() {
        return guard.run("read the settings", () -> {
            Map<String, String> all = new HashMap<>();
            settings.find().forEach(d -> all.put(d.getString("_id"), d.getString("value")));
            return Map.copyOf(all);
        });
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        guard.run("store the setting '" + key + "'", () -> DuplicateKeys.retryUpsert(() -> settings.replaceOne(
                eq("_id", key), new Document("_id", key).append("value", value), new ReplaceOptions().upsert(true))));
    }

    @Override
    public boolean remove(String key) {
        Objects.requireNonNull(key, "key");
        return guard.run("remove the setting '" + key + "'",
                () -> settings.deleteOne(eq("_id", key)).getDeletedCount() > 0);
    }
}
