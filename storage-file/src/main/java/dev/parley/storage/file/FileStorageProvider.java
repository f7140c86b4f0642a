package dev.parley.storage.file;

import dev.parley.api.ConfigurationException;
import dev.parley.api.StorageConfig;
import dev.parley.spi.StorageProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The {@link StorageProvider} of the file store, named {@code file}. It serves locations
 * {@code file:<directory>}: a relative or absolute path ({@code file:./data},
 * {@code file:/var/lib/parley}) or a file URL ({@code file:///var/lib/parley},
 * {@code file://localhost/var/lib/parley}).
 *
 * <p>Thread-safe and stateless; found by {@link java.util.ServiceLoader}.
 */
public final class FileStorageProvider implements StorageProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public FileStorageProvider() {
    }

    @Override
    public String name() {
        return "file";
    }

    /**
     * Opens the store in the directory named by {@code config.location()}; see
     * {@link FileStorage#open(Path, StorageConfig)}.
     *
     * @throws ConfigurationException             if the location is not a {@code file:} location
     * @throws dev.parley.api.StorageException if the store cannot be opened
     */
    @Override
    public FileStorage open(StorageConfig config) {
        return FileStorage.open(directoryOf(config.location()), config);
    }

    /**
     * The directory a {@code file:} location names.
     *
     * @throws ConfigurationException if it names none
     */
    static Path directoryOf(String location) {
        if (!location.startsWith("file:")) {
            throw new ConfigurationException("the file storage serves locations starting with file:, such as "
                    + "file:./data, not '" + location + "'");
        }
        String rest = location.substring("file:".length());
        if (rest.isBlank()) {
            throw new ConfigurationException("storage location '" + location + "' names no directory; write one "
                    + "after file:, such as file:./data");
        }
        try {
            if (rest.startsWith("//")) {
                URI uri = URI.create(location);
                String host = uri.getHost();
                if (host != null && !host.equalsIgnoreCase("localhost")) {
                    throw new ConfigurationException("storage location '" + location + "' names the host " + host
                            + "; the file storage only opens local directories, such as file:///var/lib/parley");
                }
                return Path.of(new URI("file", null, uri.getPath(), null));
            }
            return Path.of(rest);
        } catch (IllegalArgumentException | URISyntaxException e) {  // InvalidPathException is an IllegalArgumentException
            throw new ConfigurationException("storage location '" + location + "' is not a valid directory ("
                    + e.getMessage() + "); write it as file:./data or file:///absolute/path", e);
        }
    }
}
