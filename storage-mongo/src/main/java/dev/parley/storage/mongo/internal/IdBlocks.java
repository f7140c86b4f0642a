package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Hands out increasing ids from a counter document ({@code {_id: name, reserved: highest id
 * reserved}}), reserving them in blocks: one durable {@code $inc} per block, so an id is never
 * used before its reservation would survive a crash, and never used twice.
 *
 * <p>Not thread-safe: one thread at a time (the message writer thread; the offline queue's lock).
 */
final class IdBlocks {

    private final MongoCollection<Document> counters;
    private final String name;
    private final int blockSize;
    private long next = 1;
    private long last;

    /** @param counters the counters collection, with the durable write concern */
    IdBlocks(MongoCollection<Document> counters, String name, int blockSize) {
        this.counters = counters;
        this.name = name;
        this.blockSize = blockSize;
    }

    /**
     * Raises the counter to at least {@code highestUsed}, the largest id already stored, so that
     * ids keep increasing even over data whose counter was lost or not copied.
     */
    void atLeast(long highestUsed) {
        counters.updateOne(eq("_id", name), Updates.max("reserved", highestUsed), new UpdateOptions().upsert(true));
    }

    /**
     * The next id; reserves a new block first when this one is used up.
     *
     * @throws com.mongodb.MongoException when the reservation fails; no id is used then
     */
    long next() {
        if (next > last) {
            Document counter = counters.findOneAndUpdate(eq("_id", name), Updates.inc("reserved", (long) blockSize),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long reserved = counter.get("reserved", Number.class).longValue();
            last = reserved;
            next = Math.max(next, reserved - blockSize + 1);
        }
        return next++;
    }
}
