package dev.parley.spi;

/**
 * An open storage backend, split into small repositories. Thread-safe. Not restartable.
 */
public interface Storage extends AutoCloseable {

    /** Chat messages and their history. */
    MessageRepository messages();

    /**
     * Waits until every acknowledged and every pending write is durable, then releases files,
     * locks, pools and threads. Writes after close fail with a
     * {@link dev.parley.api.StorageException}. Idempotent.
     */
    @Override
    void close();
}
