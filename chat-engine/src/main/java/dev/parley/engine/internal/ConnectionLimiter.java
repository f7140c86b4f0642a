package dev.parley.engine.internal;

import dev.parley.api.Limits;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts connections, in total and per remote IP address, against {@link Limits#maxConnections()}
 * and {@link Limits#maxConnectionsPerAddress()}.
 *
 * <p>Thread-safe: the total and each address's count change under the address's map entry.
 */
final class ConnectionLimiter {

    /** The error a refused client receives before the server closes its connection. */
    static final String REFUSED = "Connection Limit Exceeded !!";

    private final Limits limits;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private int total;

    ConnectionLimiter(Limits limits) {
        this.limits = limits;
    }

    /** Counts a new connection from {@code remote}; {@code false}, counting nothing, when over a limit. */
    boolean tryAcquire(InetSocketAddress remote) {
        String address = key(remote);
        boolean[] admitted = {false};
        perAddress.compute(address, (a, count) -> {
            int n = count == null ? 0 : count;
            synchronized (this) {
                if (n >= limits.maxConnectionsPerAddress() || total >= limits.maxConnections()) {
                    return count;
                }
                total++;
            }
            admitted[0] = true;
            return n + 1;
        });
        return admitted[0];
    }

    /** Forgets a connection counted by {@link #tryAcquire}. */
    void release(InetSocketAddress remote) {
        perAddress.computeIfPresent(key(remote), (a, count) -> {
            synchronized (this) {
                total--;
            }
            return count <= 1 ? null : count - 1;
        });
    }

    private static String key(InetSocketAddress remote) {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
