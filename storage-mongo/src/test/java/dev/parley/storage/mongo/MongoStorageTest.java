package dev.parley.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.parley.api.Durability;
import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StoredMessage;
import dev.parley.storage.mongo.internal.MongoStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the MongoDB store does beyond the conformance suite, checked in the collections themselves. */
class MongoStorageTest {

    private InProcessMongo mongo;
    private MongoClient inspector;
    private String location;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        mongo = new InProcessMongo();
        inspector = MongoClients.create("mongodb://" + mongo.hostAndPort());
        location = mongo.newLocation();
        database = inspector.getDatabase(location.substring(location.lastIndexOf('/') + 1));
    }

    @AfterEach
    void stop() {
        inspector.close();
        mongo.close();
    }

    @Test
    void writesAreJournaledOnAStandaloneServer() {
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            assertThat(storage.policy().writes()).isEqualTo(WriteConcern.W1.withJournal(true));
            assertThat(storage.policy().summary()).contains("standalone");
        }
    }

    @Test
    void createsAUniqueIndexOnTheIdentityOfSanctions() {
        open(StorageConfig.of(location)).close();
        List<Document> indexes = database.getCollection("sanctions").listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("scope_kind_subject");
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void deletingAMessageErasesItsSenderAndTextButKeepsItsPlaceInTheRoom() {
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            StoredMessage m = join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "rude")));
            assertThat(storage.messages().delete(m.id())).isTrue();
            Document tombstone = database.getCollection("messages").find(new Document("_id", m.id())).first();
            assertThat(tombstone).containsEntry("room", "lobby").containsEntry("deleted", true)
                    .doesNotContainKey("text").doesNotContainKey("sender");
        }
    }

    @Test
    void messagesOutsideRetentionAreRemovedAtOpen() {
        StorageConfig config = StorageConfig.of(location);
        List<StoredMessage> sent = new ArrayList<>();
        try (MongoStorage storage = open(config)) {
            for (int i = 0; i < 10; i++) {
                sent.add(join(storage.messages().append(new NewMessage(i < 7 ? "lobby" : "other", "ann",
                        Instant.now(), "m" + i))));
            }
            storage.messages().delete(sent.get(6).id());
            join(storage.messages().append(new NewMessage("quiet", "ann", Instant.now(), "fewer than kept")));
        }
        try (MongoStorage storage = open(config.withRetention(Retention.ofCount(2)))) {
            // lobby: its newest two, one of them a tombstone; other: two; quiet: its only one
            assertThat(database.getCollection("messages").countDocuments()).isEqualTo(5);
            assertThat(storage.messages().latest("quiet", 10)).hasSize(1);
            assertThat(storage.messages().latest("lobby", 10)).extracting(StoredMessage::id)
                    .containsExactly(sent.get(5).id());
        }
    }

    @Test
    void idsKeepIncreasingWhenTheCountersAreLost() {
        long lastMessage;
        long lastOffline;
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            lastMessage = join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "hi"))).id();
            lastOffline = storage.offline().enqueue("bob", "ann", Instant.now(), "pm", "hi").id();
        }
        database.getCollection("counters").drop();
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            assertThat(join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "again"))).id())
                    .isGreaterThan(lastMessage);
            assertThat(storage.offline().enqueue("bob", "ann", Instant.now(), "pm", "again").id())
                    .isGreaterThan(lastOffline);
        }
    }

    @Test
    void aMessageTooLargeForOneDocumentFailsAtOnceAndOthersAreStored() {
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            CompletableFuture<StoredMessage> huge = storage.messages().append(
                    new NewMessage("lobby", "ann", Instant.now(), "x".repeat(16 << 20)));
            StoredMessage small = join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "ok")));
            assertThatThrownBy(huge::join).cause().isInstanceOf(StorageException.class)
                    .hasMessageContaining("too large").hasMessageContaining("shorter text");
            assertThat(storage.messages().latest("lobby", 10)).extracting(StoredMessage::id).containsExactly(small.id());
        }
    }

    @Test
    void aMessageTheServerRefusesFailsAloneAndTheNextOnesAreStoredInOrder() {
        try (MongoStorage storage = open(StorageConfig.of(location))) {
            StoredMessage first = join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "1")));
            // Another writer took the id the next message gets, so the server refuses it as a duplicate key.
            database.getCollection("messages").insertOne(new Document("_id", first.id() + 2).append("room", "elsewhere"));
            List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                futures.add(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), String.valueOf(i))));
            }
            assertThat(join(futures.get(0)).id()).isEqualTo(first.id() + 1);
            assertThatThrownBy(() -> futures.get(1).get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("refused message " + (first.id() + 2) + " of room 'lobby'")
                    .hasMessageContaining("11000");
            assertThat(join(futures.get(2)).id()).isEqualTo(first.id() + 3);
            assertThat(storage.messages().latest("lobby", 10)).extracting(StoredMessage::text)
                    .containsExactly("1", "2", "4");
        }
    }

    @Test
    void osBufferedWritesAreMadeDurableByOneDurableWriteAtClose() {
        try (MongoStorage storage = open(StorageConfig.of(location).withDurability(Durability.OS_BUFFERED))) {
            assertThat(storage.policy().writes()).isEqualTo(WriteConcern.W1.withJournal(false));
            join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "hi")));
        }
        assertThat(database.getCollection("counters").find(new Document("_id", "messages")).first())
                .containsKey("closedAt");
    }

    @Test
    void appendsFailWithAStorageExceptionOnceTheServerIsGoneAndCloseStillReturns() throws Exception {
        MongoStorage storage = open(StorageConfig.of(location + "?serverSelectionTimeoutMS=500"));
        join(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "before")));
        mongo.close();
        List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "after " + i)));
        }
        assertThatThrownBy(() -> futures.getFirst().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(StorageException.class)
                .hasMessageContaining(mongo.hostAndPort()).hasMessageContaining("may or may not have been stored");
        assertThatThrownBy(() -> storage.messages().latest("lobby", 10)).isInstanceOf(StorageException.class)
                .hasMessageContaining("read the history of room 'lobby'");
        storage.close();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
    }

    private static MongoStorage open(StorageConfig config) {
        return MongoStorage.open(config, name -> null);
    }

    private static StoredMessage join(CompletableFuture<StoredMessage> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("append did not complete", e);
        }
    }
}
