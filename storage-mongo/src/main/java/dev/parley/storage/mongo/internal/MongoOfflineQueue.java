package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import dev.parley.spi.OfflineMessage;
import dev.parley.spi.OfflineQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;

/**
 * The {@link OfflineQueue} of the MongoDB store: one document per waiting message, keyed by an id
 * from the {@code offline} counter, read through the {@code recipient_id} index.
 *
 * <p>Thread-safe. Enqueues are serialised by a lock, from taking the id to the acknowledged
 * insert, so that ids increase in the order of the calls and a reader never sees a later message
 * of a recipient without an earlier one.
 */
final class MongoOfflineQueue implements OfflineQueue {

    private final Guard guard;
    private final MongoCollection<Document> offline;
    private final IdBlocks ids;
    private final ReentrantLock enqueueLock = new ReentrantLock();

    /** @param offline the offline collection, with the write concern of the policy */
    MongoOfflineQueue(Guard guard, MongoCollection<Document> offline, IdBlocks ids) {
        this.guard = guard;
        this.offline = offline;
        this.ids = ids;
    }

    @Override
    public OfflineMessage enqueue(String recipient, String sender, Instant timestamp, String kind, String body) {
        Objects.requireNonNull(recipient, "recipient");
        return guard.run("store an offline message for '" + recipient + "'", () -> {
            enqueueLock.lock();
            try {
                OfflineMessage message = new OfflineMessage(ids.next(), recipient, sender, timestamp, kind, body);
                Document document = new Document("_id", message.id())
                        .append("recipient", recipient)
                        .append("sender", sender);
                Times.put(document, "ts", timestamp).append("kind", kind).append("body", body);
                offline.insertOne(document);
                return message;
            } finally {
                enqueueLock.unlock();
            }
        });
    }

    @Override
    public List<OfflineMessage> pending(String recipient, int limit) {
        Objects.requireNonNull(recipient, "recipient");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        return guard.run("read the offline messages of '" + recipient + "'", () -> {
            if (limit == 0) {
                return List.of();  // a limit of 0 means "no limit" to MongoDB
            }
            List<OfflineMessage> page = new ArrayList<>();
            offline.find(eq("recipient", recipient)).sort(Indexes.ascending("_id")).limit(limit)
                    .forEach(d -> page.add(message(d)));
            return List.copyOf(page);
        });
    }

    @Override
    public int remove(String recipient, long upToId) {
        Objects.requireNonNull(recipient, "recipient");
        return guard.run("remove the offline messages of '" + recipient + "'", () -> Math.toIntExact(
                offline.deleteMany(and(eq("recipient", recipient), lte("_id", upToId))).getDeletedCount()));
    }

    private static OfflineMessage message(Document d) {
        return new OfflineMessage(d.get("_id", Number.class).longValue(), d.getString("recipient"),
                d.getString("sender"), Times.get(d, "ts"), d.getString("kind"), d.getString("body"));
    }
}
