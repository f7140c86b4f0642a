package dev.parley.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who may log in and how accounts are protected.
 *
 * @param guestsAllowed     whether a plain KTN {@code login NAME} (no password) works for names
 *                          that are not registered
 * @param registrationOpen  whether clients may register new accounts
 * @param minPasswordLength the shortest password accepted at registration (8 by default)
 * @param admins            account names that get the admin role when they register or log in,
 *                          the bootstrap for server administration
 * @param hashing           the Argon2id cost of new password hashes; stored hashes with other
 *                          parameters are rehashed at their next successful login
 */
public record AccountPolicy(boolean guestsAllowed, boolean registrationOpen, int minPasswordLength,
                            Set<String> admins, PasswordHashing hashing) {

    /** Guests allowed, registration open, passwords of 8 characters or more, no admins, default hashing. */
    public static final AccountPolicy DEFAULT = new AccountPolicy(true, true, 8, Set.of(), PasswordHashing.DEFAULT);

    public AccountPolicy {
        admins = Set.copyOf(admins);
        Objects.requireNonNull(hashing, "hashing");
        if (minPasswordLength < 1 || minPasswordLength > 1024) {
            throw new ConfigurationException("minPasswordLength must be between 1 and 1024, was " + minPasswordLength);
        }
    }

    public AccountPolicy withGuestsAllowed(boolean value) {
        return new AccountPolicy(value, registrationOpen, minPasswordLength, admins, hashing);
    }

    public AccountPolicy withRegistrationOpen(boolean value) {
        return new AccountPolicy(guestsAllowed, value, minPasswordLength, admins, hashing);
    }

    public AccountPolicy withMinPasswordLength(int value) {
        return new AccountPolicy(guestsAllowed, registrationOpen, value, admins, hashing);
    }

    public AccountPolicy withAdmins(Set<String> value) {
        return new AccountPolicy(guestsAllowed, registrationOpen, minPasswordLength, value, hashing);
    }

    public AccountPolicy withHashing(PasswordHashing value) {
        return new AccountPolicy(guestsAllowed, registrationOpen, minPasswordLength, admins, value);
    }

    /**
     * The Argon2id parameters of new password hashes.
     *
     * @param memoryKiB   memory per hash in KiB (19456, that is 19 MiB, by default)
     * @param iterations  passes over the memory (2 by default)
     * @param parallelism lanes (1 by default)
     */
    public record PasswordHashing(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's recommended minimum for Argon2id: m=19 MiB, t=2, p=1. */
        public static final PasswordHashing DEFAULT = new PasswordHashing(19456, 2, 1);

        public PasswordHashing {
            if (memoryKiB < 8 * parallelism || memoryKiB > 4 << 20) {
                throw new ConfigurationException("memoryKiB must be between 8 x parallelism and 4 GiB, was " + memoryKiB);
            }
            if (iterations < 1 || parallelism < 1 || parallelism > 64) {
                throw new ConfigurationException("iterations must be 1 or more and parallelism 1 to 64, were "
                        + iterations + " and " + parallelism);
            }
        }
    }
}
