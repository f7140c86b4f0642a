package dev.parley.spi;

/** What a moderator or admin imposed. */
public enum SanctionKind {
    /** The account may not join (a room) or log in (the whole server). */
    BAN_ACCOUNT,
    /** Connections from the address may not join (a room) or log in (the whole server). */
    BAN_ADDRESS,
    /** The account may read but not write. */
    MUTE
}
