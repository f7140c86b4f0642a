package dev.parley.spi;

import java.util.List;

/**
 * Bans and mutes. A sanction is identified by its scope, kind and subject (exact match); there is
 * at most one per identity. The engine loads them all at start and filters expired ones itself,
 * so a backend keeps a sanction until it is {@linkplain #remove removed}.
 *
 * <p>Thread-safe. Every method may block on I/O; a write is durable when it returns. Failures are
 * {@link dev.parley.api.StorageException}s, also after {@link Storage#close()}.
 */
public interface SanctionRepository {

    /** Stores {@code sanction}, replacing one with the same scope, kind and subject. */
    void put(Sanction sanction);

    /**
     * Removes the sanction with this identity.
     *
     * @return {@code false} when there was none
     */
    boolean remove(String scope, SanctionKind kind, String subject);

    /** Every stored sanction, expired ones included, in no particular order. */
    List<Sanction> all();
}
