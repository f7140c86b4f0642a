package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.SettingsRepository;
import dev.parley.spi.Storage;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;
import org.bson.BSONException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage in one MongoDB database: one client, one collection per repository, and one writer
 * thread ({@code parley-mongo-writer}) that stores appended messages in batches.
 *
 * <p>Thread-safe. Not restartable: after {@link #close()}, open the location again for a new
 * instance. One server should use a database at a time: two storages on one database keep ids
 * unique but not increasing across both.
 */
public final class MongoStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(MongoStorage.class);
    private static final int ID_BLOCK = 1024;

    private final MongoLocation location;
    private final MongoClient client;
    private final WritePolicy policy;
    private final Guard guard;
    private final BlockingQueue<Pending> queue;
    private final MessageWriter writer;
    private final Thread writerThread;
    private final MongoCollection<Document> counters;
    private final MongoMessages messages;
    private final MongoAccounts accounts;
    private final MongoRooms rooms;
    private final MongoOfflineQueue offline;
    private final MongoSanctions sanctions;
    private final MongoSettings settings;

    private MongoStorage(MongoLocation location, MongoConnector.Connection connection, StorageConfig config,
                         MongoStorageOptions options) {
        this.location = location;
        this.client = connection.client();
        this.policy = connection.policy();
        this.guard = new Guard(location);
        MongoDatabase database = connection.database();
        this.counters = database.getCollection(Schema.COUNTERS).withWriteConcern(policy.durable());
        MongoCollection<Document> messageCollection = collection(database, Schema.MESSAGES);
        IdBlocks messageIds = new IdBlocks(counters, Schema.MESSAGES, ID_BLOCK);
        messageIds.atLeast(Schema.highestId(messageCollection));
        IdBlocks offlineIds = new IdBlocks(counters, Schema.OFFLINE, ID_BLOCK);
        MongoCollection<Document> offlineCollection = collection(database, Schema.OFFLINE);
        offlineIds.atLeast(Schema.highestId(offlineCollection));
        // One slot more than the limit, kept free for STOP, so that close never waits for room.
        this.queue = new LinkedBlockingQueue<>(options.maxPendingAppends() + 1);
        this.messages = new MongoMessages(guard, messageCollection, config, queue, options.maxPendingAppends(),
                connection.maxDocumentSize());
        this.accounts = new MongoAccounts(guard, collection(database, Schema.ACCOUNTS));
        this.rooms = new MongoRooms(guard, collection(database, Schema.ROOMS));
        this.offline = new MongoOfflineQueue(guard, offlineCollection, offlineIds);
        this.sanctions = new MongoSanctions(guard, collection(database, Schema.SANCTIONS));
        this.settings = new MongoSettings(guard, collection(database, Schema.SETTINGS));
        this.writer = new MessageWriter(queue, messageCollection, messageIds, policy, location);
        this.writerThread = Thread.ofPlatform().name("parley-mongo-writer").daemon(true).unstarted(writer);
    }

    private MongoCollection<Document> collection(MongoDatabase database, String name) {
        return database.getCollection(name).withWriteConcern(policy.writes());
    }

    /**
     * Opens the store at {@code config.location()}, with credentials completed from the options
     * and the environment (see {@link MongoLocation}); creates the indexes, removes messages
     * outside retention and starts the writer. Blocks until ready; a failed open releases the
     * client before it throws.
     *
     * @param env the environment, such as {@code System::getenv}
     * @throws dev.parley.api.ConfigurationException when the location or an option is invalid
     * @throws StorageException                      when the servers cannot be reached, refuse the
     *                                               credentials or fail to set up the collections
     */
    public static MongoStorage open(StorageConfig config, UnaryOperator<String> env) {
        Objects.requireNonNull(config, "config");
        MongoStorageOptions options = MongoStorageOptions.parse(config.options());
        MongoLocation location = MongoLocation.parse(config.location(), options, env);
        long started = System.nanoTime();
        MongoConnector.Connection connection = MongoConnector.connect(location, config.durability());
        MongoStorage storage;
        long pruned;
        try {
            Schema.createIndexes(connection.database());
            storage = new MongoStorage(location, connection, config, options);
            pruned = storage.messages.prune();
        } catch (MongoException | BSONException e) {
            throw closing(connection.client(), Failures.of("set up the collections of the database '"
                    + location.database() + "'", location, e));
        } catch (RuntimeException e) {
            throw closing(connection.client(), e);
        } catch (Error e) {
            throw closing(connection.client(), e);
        }
        storage.writerThread.start();
        LOG.info("Opened MongoDB storage at {} ({}, database '{}') in {} ms: {}; {} message(s) outside retention removed",
                location, connection.deployment(), location.database(), (System.nanoTime() - started) / 1_000_000,
                connection.policy().summary(), pruned);
        return storage;
    }

    @Override
    public MessageRepository messages() {
        return messages;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public RoomRepository rooms() {
        return rooms;
    }

    @Override
    public OfflineQueue offline() {
        return offline;
    }

    @Override
    public SanctionRepository sanctions() {
        return sanctions;
    }

    @Override
    public SettingsRepository settings() {
        return settings;
    }

    /** The write concerns in use, in words; for tests and the log. */
    public WritePolicy policy() {
        return policy;
    }

    /**
     * Waits for the reads and writes under way and for every pending append to be stored (or to
     * fail), makes OS_BUFFERED writes durable with one durable write, stops the writer thread and
     * closes the client. Idempotent.
     *
     * @throws IllegalStateException if called on the writer thread, from a callback of an append
     *                               future: that would wait for itself
     * @throws StorageException      if the final durable write fails; writes acknowledged in
     *                               OS_BUFFERED mode may then be lost by a crash of the server
     */
    @Override
    public void close() {
        if (Thread.currentThread() == writerThread) {
            throw new IllegalStateException("close the MongoDB storage from another thread than the one completing "
                    + "append futures (use an *Async callback)");
        }
        if (!guard.close()) {
            return;
        }
        writer.closing();
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(Pending.STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (writerThread.isAlive()) {
            try {
                writerThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        StorageException failure = null;
        if (policy.needsBarrierAtClose()) {
            try {
                counters.updateOne(eq("_id", Schema.MESSAGES), Updates.set("closedAt", new Date()));
            } catch (MongoException e) {
                failure = Failures.of("make the writes of this session durable at close; those acknowledged in "
                        + "OS_BUFFERED mode may be lost if the server crashes", location, e);
            }
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("Closing the MongoDB client of {} failed", location, e);
            }
        }
        LOG.info("Closed MongoDB storage at {}", location);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "MongoStorage[" + location + "]";
    }

    private static <T extends Throwable> T closing(MongoClient client, T failure) {
        try {
            client.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
