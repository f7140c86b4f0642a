package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.T0;
import static dev.parley.tck.StorageSuiteSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MessageRepository#find}, {@link MessageRepository#delete} and
 * {@link MessageRepository#deleteRoom}, run by {@link StorageConformanceTest} for every backend:
 * they see retained messages only, deletions hide messages from history and find and survive a
 * reopen, deleted ids are never reused, and a deleted message still counts towards
 * {@link Retention#maxMessages()}, so deleting never brings back a message that retention hid.
 */
abstract class MessageDeletionContract extends RepositoryContract {

    private static final String ROOM = "lobby";

    @Test
    void findReturnsTheMessageInAnyRoom() {
        Storage storage = open();
        StoredMessage lobby = store(storage, ROOM, "in the lobby");
        StoredMessage other = store(storage, "ßpecial röom 🚀", "emoji: 😀👍🏽 \"quoted\"\nnew line");
        assertThat(normalize(storage.messages().find(lobby.id()))).isEqualTo(normalize(Optional.of(lobby)));
        assertThat(normalize(storage.messages().find(other.id()))).isEqualTo(normalize(Optional.of(other)));
        for (long unknown : List.of(0L, -1L, other.id() + 1, Long.MAX_VALUE)) {
            assertThat(storage.messages().find(unknown)).as("id %d", unknown).isEmpty();
        }
    }

    @Test
    void deleteHidesTheMessageFromHistoryAndFind() {
        Storage storage = open();
        MessageRepository messages = storage.messages();
        List<StoredMessage> sent = storeMany(storage, ROOM, 6);
        StoredMessage other = store(storage, "other", "elsewhere");
        assertThat(messages.delete(sent.get(2).id())).isTrue();
        assertThat(messages.find(sent.get(2).id())).isEmpty();
        assertThat(messages.delete(sent.get(2).id())).as("deleting twice").isFalse();
        List<StoredMessage> kept = new ArrayList<>(sent);
        kept.remove(2);
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(kept));
        assertThat(ids(messages.history(ROOM, sent.get(4).id(), 2))).containsExactly(sent.get(1).id(), sent.get(3).id());
        assertThat(ids(messages.latest("other", 100))).containsExactly(other.id());
    }

    @Test
    void deleteOfAnUnknownIdReturnsFalse() {
        Storage storage = open();
        StoredMessage m = store(storage, ROOM, "hi");
        for (long unknown : List.of(0L, -1L, m.id() + 1, Long.MAX_VALUE)) {
            assertThat(storage.messages().delete(unknown)).as("id %d", unknown).isFalse();
        }
        assertThat(storage.messages().find(m.id())).isPresent();
    }

    @Test
    void deletionsSurviveReopen() {
        Storage storage = open();
        List<StoredMessage> sent = storeMany(storage, ROOM, 5);
        storage.messages().delete(sent.get(0).id());
        storage.messages().delete(sent.get(3).id());
        MessageRepository reopened = reopen(storage).messages();
        assertThat(ids(reopened.latest(ROOM, 100))).containsExactly(sent.get(1).id(), sent.get(2).id(), sent.get(4).id());
        assertThat(reopened.find(sent.get(0).id())).isEmpty();
        assertThat(reopened.find(sent.get(3).id())).isEmpty();
        assertThat(reopened.delete(sent.get(3).id())).isFalse();
    }

    @Test
    void deleteRoomRemovesEveryMessageOfThatRoomOnlyAndCountsThem() {
        Storage storage = open();
        List<StoredMessage> lobby = storeMany(storage, ROOM, 5);
        List<StoredMessage> other = storeMany(storage, "other", 3);
        storage.messages().delete(lobby.get(1).id());
        assertThat(storage.messages().deleteRoom(ROOM)).as("deleted messages are not counted again").isEqualTo(4);
        assertThat(storage.messages().latest(ROOM, 100)).isEmpty();
        assertThat(storage.messages().find(lobby.getLast().id())).isEmpty();
        assertThat(storage.messages().deleteRoom(ROOM)).isZero();
        assertThat(storage.messages().deleteRoom("nowhere")).isZero();
        assertThat(ids(storage.messages().latest("other", 100))).isEqualTo(ids(other));

        StoredMessage fresh = store(storage, ROOM, "a new room of the same name");
        MessageRepository reopened = reopen(storage).messages();
        assertThat(ids(reopened.latest(ROOM, 100))).containsExactly(fresh.id());
        assertThat(ids(reopened.latest("other", 100))).isEqualTo(ids(other));
    }

    @Test
    void deletedIdsAreNotReused() {
        Storage storage = open();
        StoredMessage first = store(storage, ROOM, "first");
        StoredMessage newest = store(storage, ROOM, "newest");
        storage.messages().delete(newest.id());
        StoredMessage next = store(storage, ROOM, "next");
        assertThat(next.id()).isGreaterThan(newest.id());
        storage.messages().deleteRoom(ROOM);
        storage = reopen(storage);
        StoredMessage afterReopen = store(storage, ROOM, "after reopen");
        assertThat(afterReopen.id()).isGreaterThan(next.id());
        assertThat(storage.messages().find(first.id())).isEmpty();
        assertThat(ids(storage.messages().latest(ROOM, 100))).containsExactly(afterReopen.id());
    }

    @Test
    void findAndDeleteSeeOnlyMessagesRetainedByCount() {
        Storage storage = fixture().open(retaining(3));
        List<StoredMessage> sent = storeMany(storage, ROOM, 5);
        assertThat(storage.messages().find(sent.get(1).id())).as("hidden by retention").isEmpty();
        assertThat(storage.messages().delete(sent.get(1).id())).isFalse();
        assertThat(storage.messages().find(sent.get(2).id())).isPresent();
        assertThat(storage.messages().deleteRoom(ROOM)).as("only retained messages are counted").isEqualTo(3);
    }

    @Test
    void findAndDeleteSeeOnlyMessagesRetainedByAge() {
        Storage storage = fixture().open(fixture().config().withRetention(Retention.ofAge(Duration.ofHours(1))));
        Instant now = Instant.now();
        StoredMessage old = store(storage, new NewMessage(ROOM, "ann", now.minus(Duration.ofDays(30)), "old"));
        StoredMessage young = store(storage, new NewMessage(ROOM, "ann", now, "young"));
        assertThat(storage.messages().find(old.id())).isEmpty();
        assertThat(storage.messages().delete(old.id())).isFalse();
        assertThat(storage.messages().find(young.id())).isPresent();
        assertThat(storage.messages().deleteRoom(ROOM)).isEqualTo(1);
    }

    /**
     * A room that keeps 3 messages keeps its newest 3 as appended; deleting one of them leaves 2
     * and does not bring back the 4th newest, which a backend may already have reclaimed.
     */
    @Test
    void deletedMessagesStillCountTowardsRetentionByCount() {
        StorageConfig config = retaining(3);
        Storage storage = fixture().open(config);
        MessageRepository messages = storage.messages();
        List<StoredMessage> sent = storeMany(storage, ROOM, 6);
        assertThat(messages.delete(sent.get(5).id())).isTrue();
        assertThat(ids(messages.latest(ROOM, 100))).containsExactly(sent.get(3).id(), sent.get(4).id());
        assertThat(messages.find(sent.get(2).id())).isEmpty();

        StoredMessage next = store(storage, ROOM, "next");
        assertThat(ids(messages.latest(ROOM, 100))).containsExactly(sent.get(4).id(), next.id());

        MessageRepository reopened = fixture().reopen(storage, config).messages();
        assertThat(ids(reopened.latest(ROOM, 100))).containsExactly(sent.get(4).id(), next.id());
        assertThat(reopened.find(sent.get(3).id())).isEmpty();
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        MessageRepository messages = storage.messages();
        StoredMessage m = store(storage, ROOM, "hi");
        storage.close();
        assertEachFailsWithStorageException(
                () -> messages.find(m.id()),
                () -> messages.delete(m.id()),
                () -> messages.deleteRoom(ROOM),
                () -> messages.history(ROOM, Long.MAX_VALUE, 10));
    }

    private StorageConfig retaining(long count) {
        return fixture().config().withRoomRetention(Map.of(ROOM, Retention.ofCount(count)));
    }

    private StoredMessage store(Storage storage, String room, String text) {
        return store(storage, new NewMessage(room, "ann", T0, text));
    }

    private List<StoredMessage> storeMany(Storage storage, String room, int count) {
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(store(storage, room, room + " " + i));
        }
        return stored;
    }

    private Optional<StoredMessage> normalize(Optional<StoredMessage> message) {
        return message.map(m -> new StoredMessage(m.id(), m.room(), m.sender(), fixture().normalize(m.timestamp()),
                m.text()));
    }
}
