package dev.parley.engine.internal;

import dev.parley.api.Limits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link Limits#freeLoginFailures()} failed logins from one
 * address, or for one account, each further attempt must wait, one second after the first extra
 * failure and twice as long after each next one, up to {@link Limits#maxLoginDelay()}. A successful
 * login clears the account's and the address's record.
 *
 * <p>Thread-safe. Memory is bounded: records older than the longest delay are dropped when the
 * table grows large.
 */
final class LoginThrottle {

    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the caller must still wait before trying {@code account} from {@code address}; zero if not. */
    Duration waitBefore(String address, String account) {
        Duration a = remaining(failures.get(addressKey(address)));
        Duration b = account == null ? Duration.ZERO : remaining(failures.get(accountKey(account)));
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Records a failed login from {@code address}, for {@code account} when it exists (else {@code null}). */
    void failed(String address, String account) {
        Instant now = clock.instant();
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        if (account != null) {
            failures.merge(accountKey(account), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
        if (failures.size() > PRUNE_ABOVE) {
            Instant horizon = now.minus(limits.maxLoginDelay()).minusSeconds(60);
            failures.values().removeIf(f -> f.last().isBefore(horizon));
        }
    }

    /** Forgets the failures of {@code address} and {@code account} after a successful login. */
    void succeeded(String address, String account) {
        failures.remove(addressKey(address));
        failures.remove(accountKey(account));
    }

    private Duration remaining(Failures f) {
        if (f == null || f.count() <= limits.freeLoginFailures()) {
            return Duration.ZERO;
        }
        int extra = f.count() - limits.freeLoginFailures() - 1;
        Duration delay = Duration.ofSeconds(1L << Math.min(extra, 30));
        if (delay.compareTo(limits.maxLoginDelay()) > 0) {
            delay = limits.maxLoginDelay();
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String accountKey(String account) {
        return "account " + account.toLowerCase(Locale.ROOT);
    }
}
