package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import dev.parley.spi.Sanction;
import dev.parley.spi.SanctionKind;
import dev.parley.spi.SanctionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@link SanctionRepository} of the MongoDB store: one document per sanction, unique by the
 * {@code scope_kind_subject} index; {@link #put} is an upsert on that identity.
 *
 * <p>Thread-safe.
 */
final class MongoSanctions implements SanctionRepository {

    private final Guard guard;
    private final MongoCollection<Document> sanctions;

    /** @param sanctions the sanctions collection, with the write concern of the policy */
    MongoSanctions(Guard guard, MongoCollection<Document> sanctions) {
        this.guard = guard;
        this.sanctions = sanctions;
    }

    @Override
    public void put(Sanction sanction) {
        Objects.requireNonNull(sanction, "sanction");
        Document document = new Document("scope", sanction.scope())
                .append("kind", sanction.kind().name())
                .append("subject", sanction.subject())
                .append("issuedBy", sanction.issuedBy())
                .append("reason", sanction.reason());
        Times.put(document, "issuedAt", sanction.issuedAt());
        Times.put(document, "expiresAt", sanction.expiresAt());
        Bson identity = identity(sanction.scope(), sanction.kind(), sanction.subject());
        guard.run("store the " + sanction.kind() + " of '" + sanction.subject() + "'", () -> DuplicateKeys.retryUpsert(
                () -> sanctions.replaceOne(identity, document, new ReplaceOptions().upsert(true))));
    }

    @Override
    public boolean remove(String scope, SanctionKind kind, String subject) {
        Bson identity = identity(scope, kind, subject);
        return guard.run("remove the " + kind + " of '" + subject + "'",
                () -> sanctions.deleteOne(identity).getDeletedCount() > 0);
    }

    @Override
    public List<Sanction> all() {
        return guard.run("read the sanctions", () -> {
            List<Sanction> all = new ArrayList<>();
            sanctions.find().forEach(d -> all.add(new Sanction(d.getString("scope"),
                    SanctionKind.valueOf(d.getString("kind")), d.getString("subject"), d.getString("issuedBy"),
                    d.getString("reason"), Times.get(d, "issuedAt"), Times.get(d, "expiresAt"))));
            return List.copyOf(all);
        });
    }

    private static Bson identity(String scope, SanctionKind kind, String subject) {
        return and(eq("scope", Objects.requireNonNull(scope, "scope")),
                eq("kind", Objects.requireNonNull(kind, "kind").name()),
                eq("subject", Objects.requireNonNull(subject, "subject")));
    }
}
