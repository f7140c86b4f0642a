package dev.parley.engine.internal;

import dev.parley.api.Limits;

/**
 * Flood protection of one connection: token buckets on requests and on request bytes, refilled
 * at {@link Limits#requestsPerSecond()} and {@link Limits#bytesPerSecond()} up to their bursts.
 * A request that finds a bucket short is refused and counts as a strike; the first strike gets a
 * warning, and {@link Limits#floodStrikes()} strikes close the connection. Strikes are forgiven
 * after ten seconds without one.
 *
 * <p>Thread-safe (synchronised; the transport calls it from one thread at a time anyway).
 */
final class FloodGuard {

    /** What to do with a request. */
    enum Verdict { ALLOW, WARN, REFUSE, DISCONNECT }

    private static final long FORGIVE_NANOS = 10_000_000_000L;

    private final Limits limits;
    private double requests;
    private double bytes;
    private long refilledAt;
    private int strikes;
    private long lastStrikeAt;

    FloodGuard(Limits limits) {
        this.limits = limits;
        this.requests = limits.requestBurst();
        this.bytes = limits.byteBurst();
        this.refilledAt = System.nanoTime();
    }

    /** Takes one request of {@code size} bytes from the buckets, or says why not. */
    synchronized Verdict request(int size) {
        long now = System.nanoTime();
        double seconds = (now - refilledAt) / 1e9;
        refilledAt = now;
        if (seconds > 0) {
            requests = refill(requests, seconds, limits.requestsPerSecond(), limits.requestBurst());
            bytes = refill(bytes, seconds, limits.bytesPerSecond(), limits.byteBurst());
        }
        if (requests >= 1 && bytes >= size) {
            requests -= 1;
            bytes -= size;
            return Verdict.ALLOW;
        }
        if (strikes > 0 && now - lastStrikeAt > FORGIVE_NANOS) {
            strikes = 0;
        }
        strikes++;
        lastStrikeAt = now;
        if (strikes >= limits.floodStrikes()) {
            return Verdict.DISCONNECT;
        }
        return strikes == 1 ? Verdict.WARN : Verdict.REFUSE;
    }

    private static double refill(double tokens, double seconds, double perSecond, double burst) {
        double added = seconds * perSecond;
        return Double.isNaN(added) || added >= burst ? burst : Math.min(burst, tokens + added);
    }

    /** The limits, for messages. */
    String describe() {
        return Math.round(limits.requestsPerSecond()) + " requests per second (bursts of " + limits.requestBurst() + ")";
    }
}
