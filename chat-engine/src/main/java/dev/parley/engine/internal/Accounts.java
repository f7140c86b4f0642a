package dev.parley.engine.internal;

import dev.parley.api.AccountPolicy;
import dev.parley.api.Limits;
import dev.parley.api.StorageException;
import dev.parley.spi.Account;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.AccountRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration and login: guests, password accounts (Argon2id), the admin bootstrap and login
 * throttling. Each outcome is either a login or an error text for the client.
 *
 * <p>Thread-safe. Blocks on storage and on hashing, so it runs on session threads (virtual).
 * At most one hash per core is computed at once, so a crowd of logins cannot starve the rest of
 * the server of CPU. Passwords are never logged or kept.
 */
final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    private static final int MAX_PASSWORD_LENGTH = 1024;

    /** The result of a login or registration. */
    sealed interface Outcome {
    }

    /** Logged in as {@code name} (the account's registered case), with {@code role}; {@code null} for guests. */
    record LoggedIn(String name, AccountRole role) implements Outcome {
        boolean registered() {
            return role != null;
        }
    }

    /** Refused, with the error text for the client. */
    record Refused(String error) implements Outcome {
    }

    private final AccountRepository repository;
    private final Supplier<AccountPolicy> policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    Accounts(AccountRepository repository, Supplier<AccountPolicy> policy, Limits limits, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.hasher = new PasswordHasher(policy.get().hashing());
        this.throttle = new LoginThrottle(limits, clock);
        this.clock = clock;
    }

    /** A login without a password: a guest, if guests are allowed and the name is not registered. */
    Outcome guest(String name) {
        if (!policy.get().guestsAllowed()) {
            return new Refused("This server does not allow guests. Register an account with"
                    + " {\"request\": \"register\", \"content\": {\"username\": ..., \"password\": ...}},"
                    + " or log in to yours with its password.");
        }
        if (repository.find(name).isPresent()) {
            return new Refused("'" + name + "' is a registered name: it can only be taken with its password."
                    + " Log in with {\"request\": \"login\", \"content\": {\"username\": \"" + name
                    + "\", \"password\": ...}}, or pick another name to log in as a guest.");
        }
        return new LoggedIn(name, null);
    }

    /** A login with a password, throttled per address and per account. */
    Outcome login(String name, String password, String address) {
        Duration wait = throttle.waitBefore(address, name);
        if (!wait.isZero()) {
            return new Refused("Too many failed logins; try again in " + seconds(wait) + ".");
        }
        Optional<Account> found = repository.find(name);
        if (found.isEmpty()) {
            throttle.failed(address, null);
            return new Refused("Unknown user '" + name + "': no account has that name. Check the spelling,"
                    + " register it with the register request, or log in without a password as a guest.");
        }
        Account account = found.get();
        if (!verify(password, account.passwordHash())) {
            throttle.failed(address, account.name());
            LOG.info("Failed login for account {} from {}", account.name(), address);
            return new Refused("Wrong password for '" + account.name() + "'. Try again; after "
                    + "a few failures each attempt has to wait longer.");
        }
        throttle.succeeded(address, account.name());
        account = upgrade(account, password);
        return new LoggedIn(account.name(), account.role());
    }

    /** Registers {@code name} with {@code password} and logs in to it. */
    Outcome register(String name, String password) {
        AccountPolicy current = policy.get();
        if (!current.registrationOpen()) {
            return new Refused("Registration is disabled on this server. Log in to an existing account, or as a"
                    + " guest if the server allows guests.");
        }
        if (password.length() < current.minPasswordLength()) {
            return new Refused("Weak password: use at least " + current.minPasswordLength() + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return new Refused("The password is too long: use at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
        if (password.isBlank() || password.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
            return new Refused("Weak password: it must not be blank or the same as the username.");
        }
        if (repository.find(name).isPresent()) {
            return new Refused("Username '" + name + "' is taken: it is already registered. Pick another name,"
                    + " or log in to it with its password.");
        }
        AccountRole role = isBootstrapAdmin(name) ? AccountRole.ADMIN : AccountRole.USER;
        Account account = new Account(name, hash(password), role, clock.instant());
        if (!repository.create(account)) {
            return new Refused("Username '" + name + "' is taken: it was registered a moment ago. Pick another name.");
        }
        LOG.info("Registered account {}{}", name, role == AccountRole.ADMIN ? " (admin)" : "");
        return new LoggedIn(name, role);
    }

    /** Rehashes with the current parameters and applies the admin bootstrap; failures only cost the upgrade. */
    private Account upgrade(Account account, String password) {
        Account updated = account;
        if (hasher.needsRehash(account.passwordHash())) {
            updated = updated.withPasswordHash(hash(password));
        }
        if (isBootstrapAdmin(account.name()) && account.role() != AccountRole.ADMIN) {
            updated = updated.withRole(AccountRole.ADMIN);
            LOG.info("Account {} is an admin (server configuration)", account.name());
        }
        if (updated != account) {
            try {
                repository.update(updated);
            } catch (StorageException e) {
                LOG.warn("Could not update account {} after its login: {}", account.name(), e.getMessage());
                return account.withRole(updated.role());
            }
        }
        return updated;
    }

    private boolean isBootstrapAdmin(String name) {
        return policy.get().admins().stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    private String hash(String password) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.hash(password);
        } finally {
            hashing.release();
        }
    }

    private boolean verify(String password, String encoded) {
        hashing.acquireUninterruptibly();
        try {
            return hasher.verify(password, encoded);
        } finally {
            hashing.release();
        }
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        return s + (s == 1 ? " second" : " seconds");
    }
}
