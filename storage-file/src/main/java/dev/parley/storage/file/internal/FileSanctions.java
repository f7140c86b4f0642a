package dev.parley.storage.file.internal;

import dev.parley.spi.Sanction;
import dev.parley.spi.SanctionKind;
import dev.parley.spi.SanctionRepository;
import java.util.List;
import java.util.Objects;

/** The file store's bans and mutes, in a {@link Journal} keyed by scope, kind and subject. Thread-safe. */
final class FileSanctions implements SanctionRepository {

    private final Journal journal;

    FileSanctions(Journal journal) {
        this.journal = journal;
    }

    @Override
    public void put(Sanction s) {
        Objects.requireNonNull(s, "sanction");
        journal.apply(List.of(Journal.Op.put(key(s.scope(), s.kind(), s.subject()),
                Fields.writer().string(s.scope()).string(s.kind().name()).string(s.subject()).string(s.issuedBy())
                        .string(s.reason()).instant(s.issuedAt()).instant(s.expiresAt()).toBytes())));
    }

    @Override
    public boolean remove(String scope, SanctionKind kind, String subject) {
        synchronized (journal) {
            String key = key(scope, kind, subject);
            if (journal.get(key) == null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.remove(key)));
            return true;
        }
    }

    @Override
    public List<Sanction> all() {
        return journal.entries().values().stream().map(value -> {
            Fields f = Fields.reader(value);
            return new Sanction(f.string(), SanctionKind.valueOf(f.string()), f.string(), f.string(), f.string(),
                    f.instant(), f.instant());
        }).toList();
    }

    private static String key(String scope, SanctionKind kind, String subject) {
        return scope + '\u0000' + kind.name() + '\u0000' + subject;
    }
}
