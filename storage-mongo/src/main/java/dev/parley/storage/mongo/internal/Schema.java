package dev.parley.storage.mongo.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The collections of a store and the indexes its queries need, created at open (creating an
 * index that exists is a no-op). Stateless.
 */
final class Schema {

    static final String MESSAGES = "messages";
    static final String ACCOUNTS = "accounts";
    static final String ROOMS = "rooms";
    static final String OFFLINE = "offline";
    static final String SANCTIONS = "sanctions";
    static final String SETTINGS = "settings";
    static final String COUNTERS = "counters";

    private Schema() {
    }

    /**
     * Creates the indexes: the history of a room ({@code room, _id}), the queue of a recipient
     * ({@code recipient, _id}), and one sanction per scope, kind and subject. Accounts are unique
     * by their {@code _id}, the lower-cased name; rooms and settings by their {@code _id}.
     */
    static void createIndexes(MongoDatabase database) {
        database.getCollection(MESSAGES).createIndex(Indexes.ascending("room", "_id"),
                new IndexOptions().name("room_id"));
        database.getCollection(OFFLINE).createIndex(Indexes.ascending("recipient", "_id"),
                new IndexOptions().name("recipient_id"));
        database.getCollection(SANCTIONS).createIndex(Indexes.ascending("scope", "kind", "subject"),
                new IndexOptions().name("scope_kind_subject").unique(true));
    }

    /** The largest {@code _id} in {@code collection} (numeric ids), or 0 when it is empty. */
    static long highestId(MongoCollection<Document> collection) {
        Document newest = collection.find().sort(Indexes.descending("_id")).limit(1).first();
        return newest == null ? 0 : newest.get("_id", Number.class).longValue();
    }
}
