package dev.parley.examples;

import dev.parley.api.AccountPolicy;
import dev.parley.api.Limits;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** The server's options for accounts, connection limits, flood protection and login throttling. */
final class AccessOptions {

    private static final AccountPolicy ACCOUNTS = AccountPolicy.DEFAULT;
    private static final Limits LIMITS = Limits.DEFAULT;

    @Option(names = "--admin", paramLabel = "NAME", description = "An account that gets the admin role when it"
            + " registers or logs in; repeat for several.")
    Set<String> admins = new LinkedHashSet<>();

    @Option(names = "--no-guests", description = "Refuse logins without a password (guests).")
    boolean noGuests;

    @Option(names = "--no-registration", description = "Refuse registration of new accounts.")
    boolean noRegistration;

    @Option(names = "--min-password-length", paramLabel = "N",
            description = "The shortest password accepted at registration (default: ${DEFAULT-VALUE}).")
    int minPasswordLength = ACCOUNTS.minPasswordLength();

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Connections held at once (default: ${DEFAULT-VALUE}).")
    int maxConnections = LIMITS.maxConnections();

    @Option(names = "--max-connections-per-address", paramLabel = "N",
            description = "Connections from one IP address (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerAddress = LIMITS.maxConnectionsPerAddress();

    @Option(names = "--requests-per-second", paramLabel = "N",
            description = "Sustained requests per connection before flood protection (default: ${DEFAULT-VALUE}).")
    double requestsPerSecond = LIMITS.requestsPerSecond();

    @Option(names = "--request-burst", paramLabel = "N",
            description = "Requests a connection may send at once above that rate (default: ${DEFAULT-VALUE}).")
    int requestBurst = LIMITS.requestBurst();

    @Option(names = "--bytes-per-second", paramLabel = "BYTES",
            description = "Sustained request bytes per connection (default: ${DEFAULT-VALUE}).")
    long bytesPerSecond = LIMITS.bytesPerSecond();

    @Option(names = "--byte-burst", paramLabel = "BYTES",
            description = "Request bytes a connection may send at once above that rate (default: ${DEFAULT-VALUE}).")
    long byteBurst = LIMITS.byteBurst();

    @Option(names = "--flood-strikes", paramLabel = "N", description = "Requests refused for flooding before the"
            + " client is disconnected; the first gets a warning (default: ${DEFAULT-VALUE}).")
    int floodStrikes = LIMITS.floodStrikes();

    @Option(names = "--free-login-failures", paramLabel = "N", description = "Failed logins per address and per"
            + " account before each next attempt must wait, from 1 s doubling (default: ${DEFAULT-VALUE}).")
    int freeLoginFailures = LIMITS.freeLoginFailures();

    @Option(names = "--max-login-delay", paramLabel = "SECONDS",
            description = "The longest wait after failed logins (default: ${DEFAULT-VALUE}).")
    long maxLoginDelaySeconds = LIMITS.maxLoginDelay().toSeconds();

    AccountPolicy accounts() {
        return ACCOUNTS.withGuestsAllowed(!noGuests).withRegistrationOpen(!noRegistration)
                .withMinPasswordLength(minPasswordLength).withAdmins(Set.copyOf(admins));
    }

    Limits limits() {
        return LIMITS.withMaxConnections(maxConnections).withMaxConnectionsPerAddress(maxConnectionsPerAddress)
                .withRequestRate(requestsPerSecond, requestBurst).withByteRate(bytesPerSecond, byteBurst)
                .withFloodStrikes(floodStrikes)
                .withLoginThrottle(freeLoginFailures, Duration.ofSeconds(maxLoginDelaySeconds));
    }
}
