package dev.parley.spi;

import java.util.Optional;

/**
 * Registered users. Names are matched ignoring ASCII case: only {@code A-Z} and {@code a-z} fold,
 * so {@code Alice} and {@code alice} are the same account while {@code Émile} and {@code émile}
 * (or {@code kate} and the same word spelt with U+212A KELVIN SIGN) are two; any other character
 * matches exactly. An account keeps the case it was registered with.
 *
 * <p>Thread-safe. Every method may block on I/O; a write is durable when it returns. Failures are
 * {@link dev.parley.api.StorageException}s, also after {@link Storage#close()}.
 */
public interface AccountRepository {

    /**
     * Registers {@code account}.
     *
     * @return {@code false}, changing nothing, when an account with that name (ignoring case)
     *         exists; also under concurrent calls exactly one of them wins
     */
    boolean create(Account account);

    /** The account named {@code name}, ignoring ASCII case. */
    Optional<Account> find(String name);

    /**
     * Replaces the password hash and role of the existing account with the name of
     * {@code account} (ignoring case); its stored name and creation time stay.
     *
     * @return {@code false} when there is no such account
     */
    boolean update(Account account);

    /**
     * Removes the account named {@code name}, ignoring case.
     *
     * @return {@code false} when there was none
     */
    boolean delete(String name);

    /** How many accounts there are. */
    long count();
}
