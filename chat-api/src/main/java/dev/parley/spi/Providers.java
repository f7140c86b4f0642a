package dev.parley.spi;

import dev.parley.api.ConfigurationException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds providers on the class path or module path with {@link ServiceLoader}.
 *
 * <p>Lookups are not cached: each call loads afresh. Thread-safe.
 */
public final class Providers {

    private Providers() {
    }

    /**
     * The transport named {@code name}.
     *
     * @throws ConfigurationException when none or more than one is found; the message lists
     *                                what is available and which module to add
     */
    public static TransportProvider transport(String name) {
        List<TransportProvider> all = load(TransportProvider.class);
        return single(all, p -> p.name().equals(name), TransportProvider::name,
                "transport '" + name + "'", "transport-" + name);
    }

    /**
     * The storage backend for {@code scheme}, the part of a storage location before the colon.
     *
     * @throws ConfigurationException when none or more than one is found; the message lists
     *                                what is available and which module to add
     */
    public static StorageProvider storage(String scheme) {
        List<StorageProvider> all = load(StorageProvider.class);
        String module = switch (scheme) {
            case "jdbc" -> "storage-jdbc";
            case "mongodb", "mongodb+srv" -> "storage-mongo";
            default -> "storage-" + scheme;
        };
        return single(all, p -> p.supportsScheme(scheme), StorageProvider::name,
                "storage for scheme '" + scheme + "'", module);
    }

    private static <P> List<P> load(Class<P> kind) {
        return ServiceLoader.load(kind, Providers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    private static <P> P single(List<P> all, Predicate<P> wanted, java.util.function.Function<P, String> name,
                                String what, String module) {
        List<P> found = all.stream().filter(wanted).toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        String available = all.isEmpty() ? "none"
                : all.stream().map(name).sorted().collect(Collectors.joining(", "));
        if (found.isEmpty()) {
            throw new ConfigurationException("No " + what + " found (available: " + available
                    + "). Add the module dev.parley:" + module + " to the class path.");
        }
        String classes = found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "));
        throw new ConfigurationException("More than one " + what + " found: " + classes
                + ". Remove all but one from the class path, or pass the provider instance explicitly.");
    }
}
