package dev.parley.storage.mongo.internal;

import dev.parley.api.ConfigurationException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The MongoDB store's settings from {@link dev.parley.api.StorageConfig#options()}.
 *
 * @param user              option {@code user}: the user to log in as when the location names
 *                          none; {@code null} when not given
 * @param password          option {@code password}: the password when the location gives none;
 *                          {@code null} when not given. Never logged
 * @param maxPendingAppends option {@code maxPendingAppends}: appends accepted and not yet
 *                          written; one more fails at once. Default 65536, at least 1
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the password.
 */
public record MongoStorageOptions(String user, String password, int maxPendingAppends) {

    public static final int DEFAULT_MAX_PENDING_APPENDS = 1 << 16;
    private static final Set<String> KNOWN = Set.of("user", "password", "maxPendingAppends");

    public MongoStorageOptions {
        if (maxPendingAppends < 1) {
            throw new ConfigurationException("MongoDB storage option maxPendingAppends must be at least 1, was "
                    + maxPendingAppends);
        }
    }

    /**
     * Reads the options, with defaults for those not given.
     *
     * @throws ConfigurationException naming an unknown option or an invalid value
     */
    public static MongoStorageOptions parse(Map<String, String> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown MongoDB storage option(s) " + unknown + "; it knows "
                    + new TreeSet<>(KNOWN) + ", and every driver setting can be given in the location, as in "
                    + "mongodb://host/parley?serverSelectionTimeoutMS=2000");
        }
        int pending = DEFAULT_MAX_PENDING_APPENDS;
        String value = options.get("maxPendingAppends");
        if (value != null) {
            try {
                pending = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("MongoDB storage option maxPendingAppends must be a whole number "
                        + "from 1 to " + Integer.MAX_VALUE + ", was '" + value + "'", e);
            }
        }
        return new MongoStorageOptions(options.get("user"), options.get("password"), pending);
    }

    @Override
    public String toString() {
        return "MongoStorageOptions[user=" + user + ", password=" + (password == null ? null : MongoLocation.MASK)
                + ", maxPendingAppends=" + maxPendingAppends + "]";
    }
}
