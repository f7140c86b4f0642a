package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A ban or a mute, in one room or on the whole server.
 *
 * @param scope     the room or group name it applies to, or {@link #SERVER} for everywhere
 * @param kind      ban of an account, ban of an address, or mute
 * @param subject   the account name (bans of accounts, mutes) or the IP address text (bans of
 *                  addresses) it applies to
 * @param issuedBy  who imposed it
 * @param reason    why; may be empty, never {@code null}
 * @param issuedAt  when it was imposed
 * @param expiresAt when it ends by itself, or {@code null} for never
 */
public record Sanction(String scope, SanctionKind kind, String subject, String issuedBy, String reason,
                       Instant issuedAt, Instant expiresAt) {

    /** The scope of a sanction that applies on the whole server. */
    public static final String SERVER = "*";

    public Sanction {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** Whether it is in force at {@code now}. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
