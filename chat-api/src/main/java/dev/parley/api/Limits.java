package dev.parley.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What keeps one client from exhausting the server. The defaults never bother a human.
 *
 * @param maxConnections           connections the server holds at once; a client over the limit
 *                                 gets the error {@code Connection Limit Exceeded !!} and is
 *                                 disconnected (10,000 by default)
 * @param maxConnectionsPerAddress connections from one remote IP address (100 by default)
 * @param requestsPerSecond        the sustained request rate of one connection (20 by default)
 * @param requestBurst             requests a connection may send at once above that rate, such as
 *                                 a pasted block of lines (100 by default)
 * @param bytesPerSecond           the sustained input rate of one connection in bytes (1 MiB by default)
 * @param byteBurst                bytes a connection may send at once above that rate (4 MiB by default)
 * @param floodStrikes             requests refused for flooding before the connection is closed;
 *                                 the first gets a warning (3 by default). Strikes are forgiven
 *                                 after ten seconds without one
 * @param freeLoginFailures        failed logins per address and per account before each further
 *                                 attempt must wait (3 by default)
 * @param maxLoginDelay            the longest wait after failed logins, which doubles from one
 *                                 second with each failure (5 minutes by default)
 */
public record Limits(int maxConnections, int maxConnectionsPerAddress, double requestsPerSecond, int requestBurst,
                     long bytesPerSecond, long byteBurst, int floodStrikes, int freeLoginFailures,
                     Duration maxLoginDelay) {

    /** The defaults described above. */
    public static final Limits DEFAULT = new Limits(10_000, 100, 20, 100, 1 << 20, 4 << 20, 3, 3,
            Duration.ofMinutes(5));

    /** No limits at all, for benchmarks and tests that send flat out from one address. */
    public static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Double.POSITIVE_INFINITY,
            Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ZERO);

    public Limits {
        Objects.requireNonNull(maxLoginDelay, "maxLoginDelay");
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new ConfigurationException("maxConnections and maxConnectionsPerAddress must be at least 1, were "
                    + maxConnections + " and " + maxConnectionsPerAddress);
        }
        if (!(requestsPerSecond > 0) || requestBurst < 1 || bytesPerSecond < 1 || byteBurst < 1) {
            throw new ConfigurationException("requestsPerSecond, requestBurst, bytesPerSecond and byteBurst must be"
                    + " positive");
        }
        if (floodStrikes < 1 || freeLoginFailures < 0 || maxLoginDelay.isNegative()) {
            throw new ConfigurationException("floodStrikes must be at least 1, freeLoginFailures 0 or more and"
                    + " maxLoginDelay not negative");
        }
    }

    public Limits withMaxConnections(int value) {
        return new Limits(value, maxConnectionsPerAddress, requestsPerSecond, requestBurst, bytesPerSecond, byteBurst,
                floodStrikes, freeLoginFailures, maxLoginDelay);
    }

    public Limits withMaxConnectionsPerAddress(int value) {
        return new Limits(maxConnections, value, requestsPerSecond, requestBurst, bytesPerSecond, byteBurst,
                floodStrikes, freeLoginFailures, maxLoginDelay);
    }

    public Limits withRequestRate(double perSecond, int burst) {
        return new Limits(maxConnections, maxConnectionsPerAddress, perSecond, burst, bytesPerSecond, byteBurst,
                floodStrikes, freeLoginFailures, maxLoginDelay);
    }

    public Limits withByteRate(long perSecond, long burst) {
        return new Limits(maxConnections, maxConnectionsPerAddress, requestsPerSecond, requestBurst, perSecond, burst,
                floodStrikes, freeLoginFailures, maxLoginDelay);
    }

    public Limits withFloodStrikes(int value) {
        return new Limits(maxConnections, maxConnectionsPerAddress, requestsPerSecond, requestBurst, bytesPerSecond,
                byteBurst, value, freeLoginFailures, maxLoginDelay);
    }

    public Limits withLoginThrottle(int freeFailures, Duration maxDelay) {
        return new Limits(maxConnections, maxConnectionsPerAddress, requestsPerSecond, requestBurst, bytesPerSecond,
                byteBurst, floodStrikes, freeFailures, maxDelay);
    }
}
