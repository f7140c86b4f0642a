package dev.parley.api;

/**
 * When a storage backend acknowledges a write. Each backend documents how it maps these modes.
 */
public enum Durability {
    /** Acknowledge after the write reached stable storage; concurrent writes share one sync (the default). */
    GROUP_COMMIT,
    /** Acknowledge after the write reached stable storage, syncing each write on its own. */
    EVERY_WRITE,
    /** Acknowledge once the operating system has the write; a power loss may lose recent writes. */
    OS_BUFFERED
}
