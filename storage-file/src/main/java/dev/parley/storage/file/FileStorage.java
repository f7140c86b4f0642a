package dev.parley.storage.file;

import dev.parley.api.StorageConfig;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.SettingsRepository;
import dev.parley.spi.Storage;
import dev.parley.storage.file.internal.FileMessageLog;
import dev.parley.storage.file.internal.FileState;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The file store opened on one data directory; see the {@linkplain dev.parley.storage.file
 * package} for what it guarantees and its options.
 *
 * <p>Thread-safe. Not restartable: after {@link #close()}, open the directory again for a new
 * instance. Only one instance, in any process, may have a directory open at a time.
 */
public final class FileStorage implements Storage {

    private final Path directory;
    private final FileMessageLog log;
    private final FileState state;

    private FileStorage(Path directory, FileMessageLog log, FileState state) {
        this.directory = directory;
        this.log = log;
        this.state = state;
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, with the durability, retention
     * and options of {@code config}; its {@link StorageConfig#location() location} is not
     * consulted. Blocks until recovery has finished.
     *
     * @throws dev.parley.api.StorageException       if the directory is in use by another server, is
     *                                               damaged or cannot be used; the message says what to do
     * @throws dev.parley.api.ConfigurationException if an option is unknown or invalid
     */
    public static FileStorage open(Path directory, StorageConfig config) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(config, "config");
        Path absolute = directory.toAbsolutePath().normalize();
        FileMessageLog log = FileMessageLog.open(absolute, config);
        FileState state;
        try {
            state = FileState.open(absolute, config);
        } catch (RuntimeException e) {
            try {
                log.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new FileStorage(absolute, log, state);
    }

    /** The data directory, absolute. */
    public Path directory() {
        return directory;
    }

    @Override
    public MessageRepository messages() {
        return log;
    }

    @Override
    public AccountRepository accounts() {
        return state.accounts();
    }

    @Override
    public RoomRepository rooms() {
        return state.rooms();
    }

    @Override
    public OfflineQueue offline() {
        return state.offline();
    }

    @Override
    public SanctionRepository sanctions() {
        return state.sanctions();
    }

    @Override
    public SettingsRepository settings() {
        return state.settings();
    }

    /**
     * Waits until every pending append is durable, stops the writer thread, closes the files and
     * releases the directory. Must not be called from a callback of an append future (that runs
     * on the writer thread). Idempotent.
     */
    @Override
    public void close() {
        state.close();
        log.close();
    }

    /** How many times the writer has synced a segment; lets tests see that group commit shares syncs. */
    long syncCount() {
        return log.syncCount();
    }

    /** How many segment files the store has now. */
    int segmentCount() {
        return log.segmentCount();
    }

    @Override
    public String toString() {
        return "FileStorage[" + directory + "]";
    }
}
