package dev.parley.storage.mongo.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.bson.BSONException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the writer thread: takes pending appends off the queue in batches, gives them ids
 * in queue order, stores each batch with one ordered {@code insertMany} under the write concern
 * of the {@link WritePolicy}, and completes their futures in id order.
 *
 * <p>Failures: when MongoDB rejects a message of a batch (a write error at index k), the messages
 * before it are stored and their futures complete normally, its future fails, and the rest of the
 * batch is tried again. Any other failure (no server, a write concern not confirmed) fails every
 * future of the batch, saying that the messages may or may not have been stored; the writer goes
 * on with the next batch, so appends succeed again once the server is back. While the storage
 * closes, a failure fails everything still queued at once rather than waiting for a server
 * selection timeout per batch.
 *
 * <p>Threading: {@link #run()} runs on the writer thread only; {@link #closing()} may be called
 * from any thread. Futures complete on the writer thread.
 */
final class MessageWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWriter.class);

    private final BlockingQueue<Pending> queue;
    private final MongoCollection<Document> messages;
    private final IdBlocks ids;
    private final WritePolicy policy;
    private final MongoLocation location;
    private volatile boolean closing;

    /** @param messages the messages collection, with the write concern of {@code policy} */
    MessageWriter(BlockingQueue<Pending> queue, MongoCollection<Document> messages, IdBlocks ids, WritePolicy policy,
                  MongoLocation location) {
        this.queue = queue;
        this.messages = messages;
        this.ids = ids;
        this.policy = policy;
        this.location = location;
    }

    /** Tells the writer that the storage is closing: after a failure, fail the rest at once. */
    void closing() {
        closing = true;
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the writer, by queueing STOP after the last append; leaving
                // here would strand pending futures.
                LOG.warn("The MongoDB storage writer was interrupted; ignoring it (close the storage to stop it)");
                continue;
            }
            queue.drainTo(batch, policy.maxBatch() - batch.size());
            if (batch.getLast() == Pending.STOP) {
                batch.removeLast();
                stopping = true;
            }
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                fail(batch, 0, new StorageException("the MongoDB storage writer failed unexpectedly (" + e
                        + "); the messages may or may not have been stored", e));
                LOG.error("The MongoDB storage writer failed unexpectedly", e);
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        List<Document> documents = new ArrayList<>(batch.size());
        List<StoredMessage> stored = new ArrayList<>(batch.size());
        try {
            for (Pending pending : batch) {
                NewMessage m = pending.message();
                StoredMessage message = new StoredMessage(ids.next(), m.room(), m.sender(), m.timestamp(), m.text());
                stored.add(message);
                documents.add(MessageDocuments.toDocument(message));
            }
        } catch (MongoException | BSONException e) {
            fail(batch, 0, Failures.of("reserve ids for " + batch.size() + " message(s)", location, e));
            return;
        }
        int from = 0;
        while (from < batch.size()) {
            from = insert(batch, documents, stored, from);
        }
    }

    /** Inserts from {@code from} on; returns where the next attempt starts (the size when done). */
    private int insert(List<Pending> batch, List<Document> documents, List<StoredMessage> stored, int from) {
        try {
            messages.insertMany(documents.subList(from, documents.size()), new InsertManyOptions().ordered(true));
            complete(batch, stored, from, batch.size());
            return batch.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null || e.getWriteErrors().isEmpty()) {
                failAll(batch, from, e);
                return batch.size();
            }
            BulkWriteError error = e.getWriteErrors().getFirst();
            int failed = from + error.getIndex();
            complete(batch, stored, from, failed);
            batch.get(failed).future().completeExceptionally(new StorageException("MongoDB at " + location
                    + " refused message " + stored.get(failed).id() + " of room '" + stored.get(failed).room()
                    + "': " + Failures.scrub(error.getMessage(), location) + " (code " + error.getCode() + ")", e));
            return failed + 1;
        } catch (MongoException | BSONException e) {
            failAll(batch, from, e);
            return batch.size();
        }
    }

    private void failAll(List<Pending> batch, int from, RuntimeException e) {
        int count = batch.size() - from;
        StorageException failure = Failures.of("confirm the storing of " + count + " message(s), which may or may "
                + "not have been stored", location, e);
        fail(batch, from, failure);
        if (closing) {
            failQueued(failure);
        }
    }

    private void failQueued(StorageException failure) {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        boolean stop = !rest.isEmpty() && rest.getLast() == Pending.STOP;
        if (stop) {
            rest.removeLast();
        }
        fail(rest, 0, failure);
        if (stop) {
            queue.add(Pending.STOP);
        }
    }

    private static void complete(List<Pending> batch, List<StoredMessage> stored, int from, int to) {
        for (int i = from; i < to; i++) {
            batch.get(i).future().complete(stored.get(i));
        }
    }

    private static void fail(List<Pending> batch, int from, StorageException failure) {
        for (int i = from; i < batch.size(); i++) {
            batch.get(i).future().completeExceptionally(failure);
        }
    }
}
