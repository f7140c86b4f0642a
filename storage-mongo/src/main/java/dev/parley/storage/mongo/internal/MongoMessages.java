package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageRepository} of the MongoDB store. Appends go through a bounded queue to the
 * {@link MessageWriter}; reads query the {@code messages} collection directly, with the
 * retention of the room applied in the query: count retention as a lower bound on the id (the id
 * of the room's {@code maxMessages}-th newest message), age retention as a lower bound on the
 * date, both served by the {@code room_id} index.
 *
 * <p>A deleted message stays as a tombstone, {@code {_id, room, ts, tsNanos, deleted: true}}
 * without sender and text, because it still counts towards count retention (see
 * {@link Retention}); reads skip tombstones, and they go with the rest of the room at
 * {@link #deleteRoom} or when retention drops them at open.
 *
 * <p>Thread-safe.
 */
final class MongoMessages implements MessageRepository {

    private static final Logger LOG = LoggerFactory.getLogger(MongoMessages.class);
    /** Messages that were not deleted. */
    private static final Bson LIVE = ne("deleted", true);

    private final Guard guard;
    private final MongoCollection<Document> messages;
    private final StorageConfig config;
    private final BlockingQueue<Pending> queue;
    private final int maxPending;
    private final long maxMessageBytes;

    /** @param messages the messages collection, with the write concern of the policy */
    MongoMessages(Guard guard, MongoCollection<Document> messages, StorageConfig config, BlockingQueue<Pending> queue,
                  int maxPending, int maxDocumentSize) {
        this.guard = guard;
        this.messages = messages;
        this.config = config;
        this.queue = queue;
        this.maxPending = maxPending;
        this.maxMessageBytes = maxDocumentSize - MessageDocuments.OVERHEAD_BYTES;
    }

    @Override
    public CompletableFuture<StoredMessage> append(NewMessage message) {
        Objects.requireNonNull(message, "message");
        long bytes = MessageDocuments.utf8Length(message.room()) + MessageDocuments.utf8Length(message.sender())
                + MessageDocuments.utf8Length(message.text());
        if (bytes > maxMessageBytes) {
            return CompletableFuture.failedFuture(new StorageException("a message in room '" + message.room()
                    + "' is too large to store in MongoDB (" + bytes + " bytes, at most " + maxMessageBytes
                    + "); send a shorter text"));
        }
        if (!fitsInADate(message.timestamp())) {
            return CompletableFuture.failedFuture(new StorageException("the timestamp " + message.timestamp()
                    + " of a message in room '" + message.room() + "' is beyond what MongoDB dates hold"));
        }
        CompletableFuture<StoredMessage> future = new CompletableFuture<>();
        Boolean queued = guard.ifOpen(() -> queue.remainingCapacity() > 1 && queue.offer(new Pending(message, future)));
        if (queued == null) {
            return CompletableFuture.failedFuture(guard.closedException("store messages"));
        }
        if (!queued) {
            return CompletableFuture.failedFuture(new StorageException(maxPending + " appends are already waiting "
                    + "for MongoDB at " + guard.location() + ", so it is slower than the message rate; retry later, "
                    + "or raise the MongoDB storage option maxPendingAppends"));
        }
        return future;
    }

    @Override
    public List<StoredMessage> history(String room, long beforeId, int limit) {
        Objects.requireNonNull(room, "room");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        return guard.run("read the history of room '" + room + "'", () -> {
            if (limit == 0) {
                return List.of();  // a limit of 0 means "no limit" to MongoDB
            }
            List<StoredMessage> page = new ArrayList<>(Math.min(limit, 1024));
            messages.find(and(retained(room), LIVE, lt("_id", beforeId))).sort(Indexes.descending("_id")).limit(limit)
                    .forEach(d -> page.add(MessageDocuments.fromDocument(d)));
            Collections.reverse(page);
            return List.copyOf(page);
        });
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        return guard.run("find message " + id, () -> Optional.ofNullable(findRetained(id)));
    }

    @Override
    public boolean delete(long id) {
        return guard.run("delete message " + id, () -> findRetained(id) != null
                && messages.updateOne(and(eq("_id", id), LIVE), Updates.combine(Updates.set("deleted", true),
                        Updates.unset("sender"), Updates.unset("text"))).getMatchedCount() > 0);
    }

    @Override
    public long deleteRoom(String room) {
        Objects.requireNonNull(room, "room");
        return guard.run("delete the messages of room '" + room + "'", () -> {
            long retained = messages.deleteMany(and(retained(room), LIVE)).getDeletedCount();
            messages.deleteMany(eq("room", room));  // tombstones and messages outside retention
            return retained;
        });
    }

    /**
     * Deletes the messages outside retention, in every room; called at open, so that retention
     * also bounds the size of the collection. Returns how many were deleted.
     */
    long prune() {
        if (keepsEverything(config.retention()) && config.roomRetention().values().stream()
                .allMatch(MongoMessages::keepsEverything)) {
            return 0;
        }
        long removed = 0;
        for (String room : messages.distinct("room", String.class)) {
            Bson expired = keepsEverything(config.retentionOf(room)) ? null : expired(room);
            if (expired != null) {
                removed += messages.deleteMany(and(eq("room", room), expired)).getDeletedCount();
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} message(s) outside retention from MongoDB at {}", removed, guard.location());
        }
        return removed;
    }

    private StoredMessage findRetained(long id) {
        Document document = messages.find(and(eq("_id", id), LIVE)).first();
        if (document == null) {
            return null;
        }
        StoredMessage message = MessageDocuments.fromDocument(document);
        return messages.find(and(eq("_id", id), retained(message.room()))).projection(Projections.include("_id"))
                .first() == null ? null : message;
    }

    /** The filter of the retained messages of {@code room}. */
    private Bson retained(String room) {
        Retention retention = config.retentionOf(room);
        List<Bson> filters = new ArrayList<>(3);
        filters.add(eq("room", room));
        Long floor = countFloor(room, retention);
        if (floor != null) {
            filters.add(gte("_id", floor));
        }
        if (retention.maxAge() != null) {
            filters.add(gt("ts", Times.date(Instant.now().minus(retention.maxAge()))));
        }
        return and(filters);
    }

    /**
     * The filter of the messages of {@code room} that retention has dropped (by age to the
     * millisecond, never more), or {@code null} when it has dropped none.
     */
    private Bson expired(String room) {
        Retention retention = config.retentionOf(room);
        List<Bson> either = new ArrayList<>(2);
        Long floor = countFloor(room, retention);
        if (floor != null) {
            either.add(lt("_id", floor));
        }
        if (retention.maxAge() != null) {
            either.add(lt("ts", Times.date(Instant.now().minus(retention.maxAge()))));
        }
        return either.isEmpty() ? null : or(either);
    }

    private static boolean keepsEverything(Retention retention) {
        return retention.maxAge() == null && retention.maxMessages() == 0;
    }

    /**
     * The id of the oldest message kept by count retention, counting tombstones, or {@code null}
     * when it keeps all.
     */
    private Long countFloor(String room, Retention retention) {
        if (retention.maxMessages() <= 0 || retention.maxMessages() > Integer.MAX_VALUE) {
            return null;
        }
        Document floor = messages.find(eq("room", room)).sort(Indexes.descending("_id"))
                .skip((int) retention.maxMessages() - 1).limit(1).projection(Projections.include("_id")).first();
        return floor == null ? null : floor.get("_id", Number.class).longValue();
    }

    private static boolean fitsInADate(Instant instant) {
        try {
            instant.toEpochMilli();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
