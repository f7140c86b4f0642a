package dev.parley.spi;

/**
 * An open storage backend, split into small repositories. Thread-safe. Not restartable.
 *
 * <p>Only {@link MessageRepository#append} is asynchronous, because it is on the path of every
 * chat message; the other repositories are written rarely and are synchronous: they may block on
 * I/O (the engine calls them from virtual threads) and a write is durable when it returns.
 */
public interface Storage extends AutoCloseable {

    /** Chat messages and their history. */
    MessageRepository messages();

    /** Registered users. */
    AccountRepository accounts();

    /** Rooms and groups. */
    RoomRepository rooms();

    /** What waits for registered users who are offline. */
    OfflineQueue offline();

    /** Bans and mutes. */
    SanctionRepository sanctions();

    /** Settings changed at run time. */
    SettingsRepository settings();

    /**
     * Waits until every acknowledged and every pending write is durable, then releases files,
     * locks, pools and threads. Writes after close fail with a
     * {@link dev.parley.api.StorageException}. Idempotent.
     */
    @Override
    void close();
}
