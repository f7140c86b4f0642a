package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.appendChecked;
import static dev.parley.tck.StorageSuiteSupport.awaitUninterruptibly;
import static dev.parley.tck.StorageSuiteSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.api.Durability;
import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StorageProvider;
import dev.parley.spi.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of {@link StorageProvider}s: a storage backend is conformant when a
 * subclass that supplies its provider passes this suite unchanged.
 *
 * <pre>{@code
 * class FileStorageConformanceTest extends StorageConformanceTest {
 *     @TempDir Path dir;
 *     protected StorageProvider provider() { return new FileStorageProvider(); }
 *     protected String location() { return "file:" + dir.resolve("data"); }
 * }
 * }</pre>
 *
 * <p>That one subclass also runs the contract of every other repository, declared here as
 * {@link Nested @Nested} classes over the same storages: {@code AccountRepositoryContract},
 * {@code RoomRepositoryContract}, {@code OfflineQueueContract}, {@code SanctionRepositoryContract},
 * {@code SettingsRepositoryContract} and {@code MessageDeletionContract} (find, delete and
 * deleteRoom of messages). The tests of this file cover appending, history and retention.
 *
 * <p>What the suite holds a backend to, beyond the Javadoc of the SPI:
 * <ul>
 *   <li>Free text (message texts, topics, offline bodies, setting values, sanction reasons)
 *       round-trips exactly, including empty strings, any valid Unicode (emoji, newlines,
 *       quotes) and, except for reasons, texts of at least 60 KB in UTF-8. An empty string stays
 *       empty: it is not {@code null} and not absent.</li>
 *   <li>Names and keys (rooms, senders, accounts, recipients, scopes, subjects, setting keys)
 *       round-trip exactly up to 100 characters and match exactly: case, accents and trailing
 *       spaces count, whatever a database's default collation does. The one exception is the
 *       account name, which folds ASCII letters and nothing else.</li>
 *   <li>Timestamps (of messages, accounts, rooms, offline messages and sanctions) round-trip
 *       with at least millisecond precision: the suite compares them truncated to
 *       {@link #timestampPrecision()}, {@code MILLIS} unless a backend that keeps more (the
 *       file store keeps nanoseconds) overrides it. A {@code null} expiry stays {@code null}.</li>
 *   <li>Retention by age is measured from the message's timestamp to the backend's clock (the
 *       system clock), at query time; it applies to {@code find}, {@code delete} and
 *       {@code deleteRoom} as it does to history. Retention by count counts deleted messages.</li>
 *   <li>Ids of messages and of offline messages are never reused: not after a delete or a
 *       remove of the newest, and not after a reopen.</li>
 *   <li>Account creation is first-wins under concurrent calls (8 threads).</li>
 *   <li>After {@link Storage#close()}, {@link MessageRepository#append} does not throw: it
 *       returns a future that completes exceptionally with a {@link StorageException}. Every
 *       other method of every repository throws a {@link StorageException}.</li>
 *   <li>{@link Storage#close()} returns only after every pending append is durable, so a
 *       storage opened again on the same location sees every message whose append was called
 *       before the close, and every write of the other repositories.</li>
 * </ul>
 *
 * <p>Each test opens storages with {@link #open(StorageConfig)} on the location that
 * {@link #location()} returned for it, closes them and opens that location again to check what
 * persists; the suite closes whatever a test leaves open. At most one storage per location is
 * open at a time. Not thread-safe: JUnit runs one test of an instance at a time.
 */
public abstract class StorageConformanceTest {

    private static final String ROOM = "lobby";

    private final List<Storage> opened = new ArrayList<>();
    private String location;

    /** How the nested repository contracts reach this test's location. */
    private final StorageFixture fixture = new StorageFixture() {
        @Override
        public Storage open() {
            return StorageConformanceTest.this.open();
        }

        @Override
        public Storage open(StorageConfig config) {
            return StorageConformanceTest.this.open(config);
        }

        @Override
        public StorageConfig config() {
            return StorageConformanceTest.this.config();
        }

        @Override
        public Instant normalize(Instant instant) {
            return instant == null ? null : instant.truncatedTo(timestampPrecision());
        }

        @Override
        public Duration timeout() {
            return StorageConformanceTest.this.timeout();
        }
    };

    /** The backend under test. */
    protected abstract StorageProvider provider();

    /**
     * A storage location no other test uses, such as {@code file:} and a {@code @TempDir}
     * path. Called once per test, before it runs; the test may open and close it many times.
     */
    protected abstract String location();

    /** How precisely the backend keeps timestamps: at least (and by default) milliseconds. */
    protected ChronoUnit timestampPrecision() {
        return ChronoUnit.MILLIS;
    }

    /** How long the suite waits for one future or thread before it fails. */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    final void pickLocation() {
        location = location();
    }

    @AfterEach
    final void closeWhatIsLeftOpen() {
        for (Storage storage : opened.reversed()) {
            storage.close();
        }
        opened.clear();
    }

    /** The configuration of this test's location: group commit, keep everything, no options. */
    protected final StorageConfig config() {
        return StorageConfig.of(location);
    }

    /** Opens {@code config} with the provider; the suite closes it after the test. */
    protected final Storage open(StorageConfig config) {
        Storage storage = provider().open(config);
        opened.add(storage);
        return storage;
    }

    /** Opens this test's location with {@link #config()}. */
    protected final Storage open() {
        return open(config());
    }

    /** {@code AccountRepositoryContract}, on this suite's storages. */
    @Nested
    class Accounts extends AccountRepositoryContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    /** {@code RoomRepositoryContract}, on this suite's storages. */
    @Nested
    class Rooms extends RoomRepositoryContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    /** {@code OfflineQueueContract}, on this suite's storages. */
    @Nested
    class Offline extends OfflineQueueContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    /** {@code SanctionRepositoryContract}, on this suite's storages. */
    @Nested
    class Sanctions extends SanctionRepositoryContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    /** {@code SettingsRepositoryContract}, on this suite's storages. */
    @Nested
    class Settings extends SettingsRepositoryContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    /** {@code MessageDeletionContract}, on this suite's storages. */
    @Nested
    class MessageDeletion extends MessageDeletionContract {
        @Override
        StorageFixture fixture() {
            return fixture;
        }
    }

    @Test
    void appendReturnsIncreasingPositiveIds() {
        MessageRepository messages = open().messages();
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            long id = store(messages, i % 2 == 0 ? ROOM : "other", "ann", "m" + i).id();
            assertThat(id).isPositive().isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void appendReturnsWhatWasStored() {
        MessageRepository messages = open().messages();
        NewMessage sent = new NewMessage(ROOM, "ann", Instant.parse("2026-03-04T05:06:07.123456789Z"), "hello");
        StoredMessage stored = join(messages.append(sent));
        assertThat(normalize(stored)).isEqualTo(normalize(
                new StoredMessage(stored.id(), ROOM, "ann", sent.timestamp(), "hello")));
    }

    @Test
    void completedAppendsAreVisibleInHistory() {
        MessageRepository messages = open().messages();
        for (int i = 0; i < 50; i++) {
            StoredMessage stored = store(messages, ROOM, "ann", "m" + i);
            assertThat(messages.latest(ROOM, 1)).extracting(StoredMessage::id).containsExactly(stored.id());
        }
    }

    @Test
    void historyIsOldestFirst() {
        MessageRepository messages = open().messages();
        List<StoredMessage> sent = storeMany(messages, ROOM, 10);
        assertThat(normalize(messages.latest(ROOM, 100))).isEqualTo(normalize(sent));
    }

    @Test
    void historyIsLimitedToTheNewestMessages() {
        MessageRepository messages = open().messages();
        List<StoredMessage> sent = storeMany(messages, ROOM, 10);
        assertThat(ids(messages.latest(ROOM, 3))).isEqualTo(ids(sent.subList(7, 10)));
        assertThat(ids(messages.history(ROOM, Long.MAX_VALUE, 3))).isEqualTo(ids(sent.subList(7, 10)));
    }

    @Test
    void historyPagesWithAnExclusiveBeforeId() {
        MessageRepository messages = open().messages();
        List<StoredMessage> sent = storeMany(messages, ROOM, 25);
        assertThat(ids(messages.history(ROOM, sent.get(10).id(), 4))).isEqualTo(ids(sent.subList(6, 10)));

        List<StoredMessage> all = new ArrayList<>();
        long before = Long.MAX_VALUE;
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            List<StoredMessage> page = messages.history(ROOM, before, 10);
            if (page.isEmpty()) {
                break;
            }
            pageSizes.add(page.size());
            all.addAll(0, page);
            before = page.getFirst().id();
        }
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(normalize(all)).isEqualTo(normalize(sent));
        assertThat(messages.history(ROOM, sent.getFirst().id(), 10)).isEmpty();
    }

    @Test
    void historySeparatesRooms() {
        MessageRepository messages = open().messages();
        List<StoredMessage> lobby = new ArrayList<>();
        List<StoredMessage> other = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            (i % 3 == 0 ? other : lobby).add(store(messages, i % 3 == 0 ? "other" : ROOM, "ann", "m" + i));
        }
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(lobby));
        assertThat(ids(messages.latest("other", 100))).isEqualTo(ids(other));
    }

    @Test
    void historyOfAnEmptyRoomIsEmpty() {
        MessageRepository messages = open().messages();
        assertThat(messages.latest(ROOM, 10)).isEmpty();
        store(messages, "other", "ann", "hi");
        assertThat(messages.latest(ROOM, 10)).isEmpty();
    }

    @Test
    void historyWithLimitZeroIsEmpty() {
        MessageRepository messages = open().messages();
        storeMany(messages, ROOM, 3);
        assertThat(messages.latest(ROOM, 0)).isEmpty();
        assertThat(messages.history(ROOM, Long.MAX_VALUE, 0)).isEmpty();
    }

    @Test
    void messagesSurviveCloseAndReopenExactly() {
        Storage storage = open();
        List<StoredMessage> sent = new ArrayList<>();
        Instant t = Instant.parse("2026-11-22T10:15:30.123456789Z");
        String[][] cases = {
                {ROOM, "ann", "plain"},
                {ROOM, "", "empty sender"},
                {ROOM, " ", ""},
                {ROOM, "bob", "line one\nline two\r\nline three\ttabbed"},
                {ROOM, "bob", "quotes \" ' ` \\ and {\"json\": [1, 2]}"},
                {ROOM, "zoë", "unicode: ÆØÅ 日本語 עברית"},
                {ROOM, "😀 émoji", "emoji: 😀👍🏽👨‍👩‍👧 and a flag 🇳🇴"},
                {ROOM, "big", "x".repeat(30_000) + "ü".repeat(15_000)},
                {"ßpecial röom 🚀", "ann", "another room"},
                {"", "ann", "a room with an empty name"},
        };
        for (int i = 0; i < cases.length; i++) {
            String[] c = cases[i];
            sent.add(join(storage.messages().append(new NewMessage(c[0], c[1], t.plusNanos(i * 1_001L), c[2]))));
        }
        storage.close();

        MessageRepository reopened = open().messages();
        for (String room : List.of(ROOM, "ßpecial röom 🚀", "")) {
            List<StoredMessage> expected = sent.stream().filter(m -> m.room().equals(room)).toList();
            assertThat(normalize(reopened.latest(room, 100))).isEqualTo(normalize(expected));
        }
        assertThat(reopened.latest(ROOM, 100).get(7).text()).hasSize(45_000);
    }

    @Test
    void idsKeepIncreasingAfterReopen() {
        Storage storage = open();
        long last = storeMany(storage.messages(), ROOM, 5).getLast().id();
        storage.close();
        Storage again = open();
        long next = store(again.messages(), "other", "ann", "after restart").id();
        assertThat(next).isGreaterThan(last);
        again.close();
        assertThat(store(open().messages(), ROOM, "ann", "again").id()).isGreaterThan(next);
    }

    @Test
    void futuresCompleteInTheOrderOfAppend() {
        MessageRepository messages = open().messages();
        AtomicInteger outOfOrder = new AtomicInteger();
        List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(appendChecked(messages, new NewMessage(ROOM, "ann", Instant.now(), "m" + i),
                    futures.isEmpty() ? null : futures.getLast(), outOfOrder));
        }
        List<StoredMessage> stored = futures.stream().map(this::join).toList();
        assertThat(outOfOrder).hasValue(0);
        assertThat(ids(stored)).isSorted().doesNotHaveDuplicates();
        assertThat(ids(messages.latest(ROOM, 1000))).isEqualTo(ids(stored));
    }

    @Test
    void concurrentAppendsAllCompleteWithUniqueIdsAndKeepEachThreadsOrder() throws InterruptedException {
        MessageRepository messages = open().messages();
        int threads = 8;
        int perThread = 500;
        AtomicInteger outOfOrder = new AtomicInteger();
        List<List<CompletableFuture<StoredMessage>>> byThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            List<CompletableFuture<StoredMessage>> futures = Collections.synchronizedList(new ArrayList<>());
            byThread.add(futures);
            String sender = "t" + t;
            workers.add(Thread.ofPlatform().name("append-" + t).start(() -> {
                awaitUninterruptibly(start);
                CompletableFuture<StoredMessage> previous = null;
                for (int i = 0; i < perThread; i++) {
                    previous = appendChecked(messages, new NewMessage(ROOM, sender, Instant.now(), sender + "-" + i),
                            previous, outOfOrder);
                    futures.add(previous);
                }
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            assertThat(worker.join(timeout())).as("%s finished", worker.getName()).isTrue();
        }

        Set<Long> allIds = new HashSet<>();
        for (List<CompletableFuture<StoredMessage>> futures : byThread) {
            List<Long> ids = ids(futures.stream().map(this::join).toList());
            assertThat(ids).hasSize(perThread).isSorted();
            allIds.addAll(ids);
        }
        assertThat(allIds).hasSize(threads * perThread);
        assertThat(outOfOrder).hasValue(0);

        List<StoredMessage> history = messages.latest(ROOM, threads * perThread);
        assertThat(ids(history)).hasSize(threads * perThread).isSorted();
        for (int t = 0; t < threads; t++) {
            String sender = "t" + t;
            List<String> texts = history.stream().filter(m -> m.sender().equals(sender)).map(StoredMessage::text).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                expected.add(sender + "-" + i);
            }
            assertThat(texts).isEqualTo(expected);
        }
    }

    @Test
    void closeWaitsForPendingAppends() {
        Storage storage = open();
        List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(storage.messages().append(new NewMessage(ROOM, "ann", Instant.now(), "m" + i)));
        }
        storage.close();
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(m -> m.id() > 0));
        assertThat(open().messages().latest(ROOM, 1000)).hasSize(500);
    }

    @Test
    void retentionByCountHidesOlderMessagesOfThatRoom() {
        MessageRepository messages = open(config().withRoomRetention(Map.of(ROOM, Retention.ofCount(3)))).messages();
        List<StoredMessage> lobby = storeMany(messages, ROOM, 10);
        List<StoredMessage> other = storeMany(messages, "other", 10);
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(lobby.subList(7, 10)));
        assertThat(ids(messages.history(ROOM, lobby.get(9).id(), 100))).isEqualTo(ids(lobby.subList(7, 9)));
        assertThat(messages.history(ROOM, lobby.get(7).id(), 100)).isEmpty();
        assertThat(ids(messages.latest("other", 100))).isEqualTo(ids(other));
    }

    @Test
    void defaultRetentionAppliesToRoomsWithoutTheirOwn() {
        StorageConfig config = config().withRetention(Retention.ofCount(2))
                .withRoomRetention(Map.of("archive", Retention.FOREVER));
        MessageRepository messages = open(config).messages();
        List<StoredMessage> lobby = storeMany(messages, ROOM, 5);
        List<StoredMessage> archive = storeMany(messages, "archive", 5);
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(lobby.subList(3, 5)));
        assertThat(ids(messages.latest("archive", 100))).isEqualTo(ids(archive));
    }

    @Test
    void retentionByAgeHidesOldMessages() {
        StorageConfig config = config().withRetention(Retention.ofAge(Duration.ofHours(1)))
                .withRoomRetention(Map.of("archive", Retention.ofAge(Duration.ofDays(7))));
        MessageRepository messages = open(config).messages();
        Instant now = Instant.now();
        List<StoredMessage> lobby = new ArrayList<>();
        List<StoredMessage> archive = new ArrayList<>();
        for (Duration age : List.of(Duration.ofDays(30), Duration.ofHours(3), Duration.ofMinutes(61),
                Duration.ofMinutes(10), Duration.ZERO)) {
            lobby.add(join(messages.append(new NewMessage(ROOM, "ann", now.minus(age), "aged " + age))));
            archive.add(join(messages.append(new NewMessage("archive", "ann", now.minus(age), "aged " + age))));
        }
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(lobby.subList(3, 5)));
        assertThat(ids(messages.latest("archive", 100))).isEqualTo(ids(archive.subList(1, 5)));
    }

    @Test
    void retentionStillAppliesAfterReopen() {
        StorageConfig config = config().withRetention(Retention.ofCount(3));
        Storage storage = open(config);
        List<StoredMessage> sent = storeMany(storage.messages(), ROOM, 20);
        storage.close();

        MessageRepository messages = open(config).messages();
        assertThat(ids(messages.latest(ROOM, 100))).isEqualTo(ids(sent.subList(17, 20)));
        List<StoredMessage> more = storeMany(messages, ROOM, 2);
        assertThat(ids(messages.latest(ROOM, 100)))
                .containsExactly(sent.get(19).id(), more.get(0).id(), more.get(1).id());
    }

    @Test
    void appendAfterCloseFailsWithStorageException() {
        Storage storage = open();
        MessageRepository messages = storage.messages();
        store(messages, ROOM, "ann", "before close");
        storage.close();

        CompletableFuture<StoredMessage> future = null;
        try {
            future = messages.append(new NewMessage(ROOM, "ann", Instant.now(), "after close"));
        } catch (RuntimeException e) {
            fail("append after close must return a failed future, not throw", e);
        }
        CompletableFuture<StoredMessage> failed = future;
        assertThatThrownBy(() -> failed.get(timeout().toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(StorageException.class);
    }

    @Test
    void closeIsIdempotent() {
        Storage storage = open();
        store(storage.messages(), ROOM, "ann", "hi");
        storage.close();
        assertThatCode(storage::close).doesNotThrowAnyException();
        assertThat(open().messages().latest(ROOM, 10)).hasSize(1);
    }

    @Test
    void groupCommitKeepsAcknowledgedMessages() {
        acknowledgedMessagesSurviveReopen(Durability.GROUP_COMMIT);
    }

    @Test
    void everyWriteKeepsAcknowledgedMessages() {
        acknowledgedMessagesSurviveReopen(Durability.EVERY_WRITE);
    }

    @Test
    void osBufferedKeepsAcknowledgedMessagesAcrossAnOrderlyClose() {
        acknowledgedMessagesSurviveReopen(Durability.OS_BUFFERED);
    }

    private void acknowledgedMessagesSurviveReopen(Durability durability) {
        Storage storage = open(config().withDurability(durability));
        List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(storage.messages().append(new NewMessage(i % 2 == 0 ? ROOM : "other", "ann", Instant.now(), "m" + i)));
        }
        List<StoredMessage> stored = futures.stream().map(this::join).toList();
        assertThat(storage.messages().latest(ROOM, 100)).hasSize(50);
        storage.close();

        MessageRepository reopened = open().messages();
        List<StoredMessage> all = new ArrayList<>(reopened.latest(ROOM, 100));
        all.addAll(reopened.latest("other", 100));
        all.sort((a, b) -> Long.compare(a.id(), b.id()));
        assertThat(normalize(all)).isEqualTo(normalize(stored));
    }

    /** Appends and waits for the stored message. */
    protected final StoredMessage store(MessageRepository messages, String room, String sender, String text) {
        return join(messages.append(new NewMessage(room, sender, Instant.now(), text)));
    }

    /** Waits for {@code future}, failing the test after {@link #timeout()}. */
    protected final StoredMessage join(CompletableFuture<StoredMessage> future) {
        try {
            return future.get(timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an append", e);
        } catch (Exception e) {
            throw new AssertionError("append did not complete normally within " + timeout(), e);
        }
    }

    private List<StoredMessage> storeMany(MessageRepository messages, String room, int count) {
        List<StoredMessage> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stored.add(store(messages, room, "ann", room + " " + i));
        }
        return stored;
    }

    private List<StoredMessage> normalize(List<StoredMessage> messages) {
        return messages.stream().map(this::normalize).toList();
    }

    private StoredMessage normalize(StoredMessage m) {
        return new StoredMessage(m.id(), m.room(), m.sender(), m.timestamp().truncatedTo(timestampPrecision()), m.text());
    }
}
