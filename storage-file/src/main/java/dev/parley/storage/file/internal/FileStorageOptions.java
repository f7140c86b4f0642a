package dev.parley.storage.file.internal;

import dev.parley.api.ConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file store's settings from {@link dev.parley.api.StorageConfig#options()}.
 *
 * @param segmentBytes      roll to a new segment file when the next record would take the
 *                          current one past this size; option {@code segmentBytes}, default
 *                          64 MiB, 4 KiB to 1 GiB; a plain number of bytes or with a suffix
 *                          {@code k}, {@code m} or {@code g} (binary: 64m = 64 MiB)
 * @param maxPendingAppends appends accepted and not yet written; one more fails at once;
 *                          option {@code maxPendingAppends}, default 65536, at least 1
 *
 * <p>Immutable and thread-safe.
 */
public record FileStorageOptions(long segmentBytes, int maxPendingAppends) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_PENDING_APPENDS = 1 << 16;
    private static final Set<String> KNOWN = Set.of("segmentBytes", "maxPendingAppends");

    public FileStorageOptions {
        if (segmentBytes < 4096 || segmentBytes > 1L << 30) {
            throw new ConfigurationException("file storage option segmentBytes must be between 4k and 1g, was " + segmentBytes);
        }
        if (maxPendingAppends < 1) {
            throw new ConfigurationException("file storage option maxPendingAppends must be at least 1, was " + maxPendingAppends);
        }
    }

    /**
     * Reads the options, with defaults for those not given.
     *
     * @throws ConfigurationException naming an unknown option or an invalid value
     */
    public static FileStorageOptions parse(Map<String, String> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown file storage option(s) " + unknown + "; the file storage knows "
                    + new TreeSet<>(KNOWN));
        }
        long segmentBytes = options.containsKey("segmentBytes")
                ? size("segmentBytes", options.get("segmentBytes")) : DEFAULT_SEGMENT_BYTES;
        long pending = options.containsKey("maxPendingAppends")
                ? size("maxPendingAppends", options.get("maxPendingAppends")) : DEFAULT_MAX_PENDING_APPENDS;
        if (pending > Integer.MAX_VALUE) {
            throw new ConfigurationException("file storage option maxPendingAppends must be at most "
                    + Integer.MAX_VALUE + ", was " + pending);
        }
        return new FileStorageOptions(segmentBytes, (int) pending);
    }

    private static long size(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int shift = 0;
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k' -> shift = 10;
                case 'm' -> shift = 20;
                case 'g' -> shift = 30;
                default -> shift = 0;
            }
        }
        String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
        try {
            long number = Long.parseLong(digits);
            if (number < 0 || number > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException("out of range");
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new ConfigurationException("file storage option " + name + " must be a whole number, optionally "
                    + "followed by k, m or g, was '" + value + "'", e);
        }
    }
}
