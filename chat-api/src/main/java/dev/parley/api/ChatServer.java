package dev.parley.api;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * A running chat server: a listener, its sessions and its storage.
 *
 * <p>Obtain one from the engine's builder ({@code dev.parley.engine.Parley.server()}); it is
 * running when returned. Thread-safe. Not restartable: after {@link #close()} build a new one.
 */
public interface ChatServer extends AutoCloseable {

    /** The address the server listens on, with the real port when port 0 was asked for. */
    InetSocketAddress address();

    /** The usernames logged in right now; a snapshot. */
    Set<String> users();

    /**
     * Stops accepting, tells every client the server is shutting down, disconnects them, and
     * closes transport and storage in reverse order of start-up, waiting for pending writes to
     * become durable. A storage instance passed to the builder is left open for its owner to
     * close. Idempotent.
     */
    @Override
    void close();
}
