package dev.parley.api;

import java.util.Map;
import java.util.Objects;

/**
 * Settings for opening a storage backend.
 *
 * @param location      where the data lives, as a URL whose scheme picks the backend:
 *                      {@code file:./data}, later {@code jdbc:...} or {@code mongodb://...}
 * @param durability    when writes are acknowledged
 * @param retention     the history retention of rooms without their own entry
 * @param roomRetention per-room retention, by room name
 * @param options       backend-specific settings, documented by each backend; never logged,
 *                      since they may hold credentials
 */
public record StorageConfig(String location, Durability durability, Retention retention,
                            Map<String, Retention> roomRetention, Map<String, String> options) {

    /** The embedded default: the file store in {@code ./data}. */
    public static final String DEFAULT_LOCATION = "file:./data";

    public StorageConfig {
        Objects.requireNonNull(location, "location");
        if (location.indexOf(':') < 1) {
            throw new ConfigurationException("storage location must be a URL such as file:./data, was '" + location + "'");
        }
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(retention, "retention");
        roomRetention = Map.copyOf(roomRetention);
        options = Map.copyOf(options);
    }

    /** A configuration for {@code location} with group commit, no retention limit and no options. */
    public static StorageConfig of(String location) {
        return new StorageConfig(location, Durability.GROUP_COMMIT, Retention.FOREVER, Map.of(), Map.of());
    }

    /** The URL scheme, which names the backend: {@code file}, {@code jdbc}, {@code mongodb}. */
    public String scheme() {
        return location.substring(0, location.indexOf(':'));
    }

    /** The retention that applies to {@code room}. */
    public Retention retentionOf(String room) {
        return roomRetention.getOrDefault(room, retention);
    }

    public StorageConfig withLocation(String value) {
        return new StorageConfig(value, durability, retention, roomRetention, options);
    }

    public StorageConfig withDurability(Durability value) {
        return new StorageConfig(location, value, retention, roomRetention, options);
    }

    public StorageConfig withRetention(Retention value) {
        return new StorageConfig(location, durability, value, roomRetention, options);
    }

    public StorageConfig withRoomRetention(Map<String, Retention> value) {
        return new StorageConfig(location, durability, retention, value, options);
    }

    public StorageConfig withOptions(Map<String, String> value) {
        return new StorageConfig(location, durability, retention, roomRetention, value);
    }
}
