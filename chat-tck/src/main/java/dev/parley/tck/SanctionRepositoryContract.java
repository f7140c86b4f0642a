package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.T0;
import static dev.parley.tck.StorageSuiteSupport.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.spi.Sanction;
import dev.parley.spi.SanctionKind;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SanctionRepository}, run by {@link StorageConformanceTest} for every
 * backend: one sanction per exact scope, kind and subject, put replaces, expired sanctions stay
 * until removed, a {@code null} expiry round-trips, and everything survives a reopen.
 */
abstract class SanctionRepositoryContract extends RepositoryContract {

    @Test
    void putSanctionsAreAllReturned() {
        SanctionRepository sanctions = open().sanctions();
        assertThat(sanctions.all()).isEmpty();
        Sanction ban = new Sanction(Sanction.SERVER, SanctionKind.BAN_ACCOUNT, "mallory", "admin", "spam", T0, null);
        Sanction mute = new Sanction("lobby", SanctionKind.MUTE, "bob", "mod", "", T0, T0.plus(Duration.ofHours(1)));
        Sanction address = new Sanction("lobby", SanctionKind.BAN_ADDRESS, "2001:db8::1", "mod", "flood", T0, null);
        sanctions.put(ban);
        sanctions.put(mute);
        sanctions.put(address);
        assertThat(normalize(sanctions.all())).containsExactlyInAnyOrderElementsOf(normalize(List.of(ban, mute, address)));
    }

    @Test
    void putReplacesTheSanctionWithTheSameIdentity() {
        SanctionRepository sanctions = open().sanctions();
        sanctions.put(new Sanction("lobby", SanctionKind.MUTE, "bob", "mod", "first", T0, T0.plusSeconds(60)));
        Sanction second = new Sanction("lobby", SanctionKind.MUTE, "bob", "admin", "second", T0.plusSeconds(5), null);
        sanctions.put(second);
        assertThat(normalize(sanctions.all())).containsExactlyElementsOf(normalize(List.of(second)));
        Sanction third = new Sanction("lobby", SanctionKind.MUTE, "bob", "mod", "", T0, T0.plusSeconds(120));
        sanctions.put(third);
        assertThat(normalize(sanctions.all())).containsExactlyElementsOf(normalize(List.of(third)));
    }

    @Test
    void identityIsScopeKindAndSubjectMatchedExactly() {
        SanctionRepository sanctions = open().sanctions();
        List<Sanction> distinct = List.of(
                sanction("lobby", SanctionKind.MUTE, "bob"),
                sanction("Lobby", SanctionKind.MUTE, "bob"),
                sanction(Sanction.SERVER, SanctionKind.MUTE, "bob"),
                sanction("lobby", SanctionKind.BAN_ACCOUNT, "bob"),
                sanction("lobby", SanctionKind.MUTE, "Bob"),
                sanction("lobby", SanctionKind.MUTE, "bob "));
        distinct.forEach(sanctions::put);
        assertThat(normalize(sanctions.all())).containsExactlyInAnyOrderElementsOf(normalize(distinct));
    }

    @Test
    void removeRemovesOnlyThatIdentity() {
        SanctionRepository sanctions = open().sanctions();
        Sanction mute = sanction("lobby", SanctionKind.MUTE, "bob");
        Sanction ban = sanction("lobby", SanctionKind.BAN_ACCOUNT, "bob");
        sanctions.put(mute);
        sanctions.put(ban);
        assertThat(sanctions.remove("lobby", SanctionKind.MUTE, "Bob")).isFalse();
        assertThat(sanctions.remove("Lobby", SanctionKind.MUTE, "bob")).isFalse();
        assertThat(sanctions.remove("lobby", SanctionKind.BAN_ADDRESS, "bob")).isFalse();
        assertThat(sanctions.remove("lobby", SanctionKind.MUTE, "bob")).isTrue();
        assertThat(sanctions.remove("lobby", SanctionKind.MUTE, "bob")).isFalse();
        assertThat(normalize(sanctions.all())).containsExactlyElementsOf(normalize(List.of(ban)));
    }

    @Test
    void expiredSanctionsAreKeptUntilRemoved() {
        Storage storage = open();
        Instant past = Instant.parse("2020-01-01T00:00:00Z");
        Sanction expired = new Sanction(Sanction.SERVER, SanctionKind.BAN_ADDRESS, "192.0.2.7", "admin", "old",
                past.minusSeconds(3600), past);
        storage.sanctions().put(expired);
        assertThat(normalize(storage.sanctions().all())).containsExactlyElementsOf(normalize(List.of(expired)));
        storage = reopen(storage);
        assertThat(normalize(storage.sanctions().all())).containsExactlyElementsOf(normalize(List.of(expired)));
        assertThat(storage.sanctions().remove(Sanction.SERVER, SanctionKind.BAN_ADDRESS, "192.0.2.7")).isTrue();
        assertThat(storage.sanctions().all()).isEmpty();
    }

    @Test
    void sanctionsSurviveCloseAndReopenExactly() {
        Storage storage = open();
        List<Sanction> expected = new ArrayList<>();
        SanctionKind[] kinds = SanctionKind.values();
        for (int i = 0; i < TEXTS.size(); i++) {
            String reason = TEXTS.get(i).length() > 1000 ? TEXTS.get(i).substring(0, 1000) : TEXTS.get(i);
            Instant issued = T0.plusNanos(i * 1_001_001L);
            Sanction s = new Sanction(i % 2 == 0 ? Sanction.SERVER : "röom 🚀 " + i, kinds[i % kinds.length],
                    "subject " + i + " Zoë", "mod 😀", reason, issued, i % 3 == 0 ? null : issued.plusSeconds(i));
            storage.sanctions().put(s);
            expected.add(s);
        }
        storage.sanctions().put(sanction("gone", SanctionKind.MUTE, "bob"));
        storage.sanctions().remove("gone", SanctionKind.MUTE, "bob");
        Sanction replaced = new Sanction(expected.getFirst().scope(), expected.getFirst().kind(),
                expected.getFirst().subject(), "admin", "replaced", T0, null);
        storage.sanctions().put(replaced);
        expected.set(0, replaced);

        SanctionRepository reopened = reopen(storage).sanctions();
        assertThat(normalize(reopened.all())).containsExactlyInAnyOrderElementsOf(normalize(expected));
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        SanctionRepository sanctions = storage.sanctions();
        sanctions.put(sanction("lobby", SanctionKind.MUTE, "bob"));
        storage.close();
        assertEachFailsWithStorageException(
                () -> sanctions.put(sanction("lobby", SanctionKind.MUTE, "carol")),
                () -> sanctions.remove("lobby", SanctionKind.MUTE, "bob"),
                sanctions::all);
    }

    private static Sanction sanction(String scope, SanctionKind kind, String subject) {
        return new Sanction(scope, kind, subject, "mod", "reason", T0, T0.plus(Duration.ofDays(1)));
    }

    private List<Sanction> normalize(List<Sanction> sanctions) {
        return sanctions.stream().map(s -> new Sanction(s.scope(), s.kind(), s.subject(), s.issuedBy(), s.reason(),
                fixture().normalize(s.issuedAt()), fixture().normalize(s.expiresAt()))).toList();
    }
}
