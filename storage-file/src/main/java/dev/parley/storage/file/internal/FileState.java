package dev.parley.storage.file.internal;

import dev.parley.api.Durability;
import dev.parley.api.StorageConfig;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.SettingsRepository;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file store's small state beside the message log: accounts, rooms and groups, the offline
 * queue, sanctions and settings, each in its own {@link Journal} file in the data directory.
 *
 * <p>Thread-safe. Opened after the message log, which holds the directory lock; closed before it.
 */
public final class FileState implements AutoCloseable {

    private final List<Journal> journals;
    private final AccountRepository accounts;
    private final RoomRepository rooms;
    private final OfflineQueue offline;
    private final SanctionRepository sanctions;
    private final SettingsRepository settings;

    private FileState(List<Journal> journals) {
        this.journals = journals;
        this.accounts = new FileAccounts(journals.get(0));
        this.rooms = new FileRooms(journals.get(1));
        this.offline = new FileOfflineQueue(journals.get(2));
        this.sanctions = new FileSanctions(journals.get(3));
        this.settings = new FileSettings(journals.get(4));
    }

    /**
     * Opens (creating if needed) the journals in {@code directory}, which the caller has locked.
     *
     * @throws dev.parley.api.StorageException when a journal is damaged or unusable; those opened
     *                                         already are closed again
     */
    public static FileState open(Path directory, StorageConfig config) {
        boolean sync = config.durability() != Durability.OS_BUFFERED;
        List<Journal> journals = new ArrayList<>();
        try {
            journals.add(Journal.open(directory.resolve("accounts.journal"), "accounts", sync));
            journals.add(Journal.open(directory.resolve("rooms.journal"), "rooms and groups", sync));
            journals.add(Journal.open(directory.resolve("offline.journal"), "offline messages", sync));
            journals.add(Journal.open(directory.resolve("sanctions.journal"), "bans and mutes", sync));
            journals.add(Journal.open(directory.resolve("settings.journal"), "settings", sync));
        } catch (RuntimeException e) {
            journals.forEach(Journal::close);
            throw e;
        }
        return new FileState(journals);
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public RoomRepository rooms() {
        return rooms;
    }

    public OfflineQueue offline() {
        return offline;
    }

    public SanctionRepository sanctions() {
        return sanctions;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** Closes every journal; the repositories fail afterwards. Idempotent. */
    @Override
    public void close() {
        journals.forEach(Journal::close);
    }
}
