package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered user.
 *
 * @param name         the username as registered (its case is kept for display); unique within
 *                     the storage ignoring ASCII case
 * @param passwordHash the password hash in a self-describing encoded form that names the
 *                     algorithm and carries its parameters and salt, such as
 *                     {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}; opaque to storage
 * @param role         what the user may do on the whole server
 * @param created      when the account was registered
 */
public record Account(String name, String passwordHash, AccountRole role, Instant created) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
    }

    /** This account with another password hash, as after a password change or a rehash. */
    public Account withPasswordHash(String hash) {
        return new Account(name, hash, role, created);
    }

    /** This account with another role. */
    public Account withRole(AccountRole newRole) {
        return new Account(name, passwordHash, newRole, created);
    }
}
