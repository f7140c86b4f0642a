package dev.parley.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes, damage, locking, segment rolling and reclaiming, provoked on real files. */
class FileStorageRecoveryTest {

    private static final String ROOM = "lobby";

    @TempDir
    Path tmp;

    private Path dir;

    private StorageConfig config = StorageConfig.of("file:ignored");

    @BeforeEach
    void pickDataDirectory() {
        dir = tmp.resolve("data");
    }

    @Test
    void aTornLastRecordIsCutOffAndEarlierRecordsSurvive() throws IOException {
        List<StoredMessage> sent = storeAndClose(10);
        Path segment = onlySegment();
        truncate(segment, Files.size(segment) - 10);

        try (FileStorage storage = open()) {
            assertThat(texts(storage.messages().latest(ROOM, 100))).isEqualTo(texts(sent.subList(0, 9)));
            StoredMessage next = store(storage, "after recovery");
            assertThat(next.id()).isGreaterThan(sent.get(8).id());
            assertThat(storage.messages().latest(ROOM, 1)).containsExactly(next);
        }
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        List<StoredMessage> sent = storeAndClose(10);
        Path segment = onlySegment();
        long size = Files.size(segment);
        byte[] garbage = new byte[100];
        new Random(42).nextBytes(garbage);
        Files.write(segment, garbage, StandardOpenOption.APPEND);

        try (FileStorage storage = open()) {
            assertThat(texts(storage.messages().latest(ROOM, 100))).isEqualTo(texts(sent));
            assertThat(Files.size(segment)).isEqualTo(size);
            assertThat(store(storage, "after recovery").id()).isGreaterThan(sent.getLast().id());
        }
    }

    @Test
    void aFlippedBitInTheLastRecordCutsOffThatRecord() throws IOException {
        List<StoredMessage> sent = storeAndClose(10);
        Path segment = onlySegment();
        flipBit(segment, Files.size(segment) - 3);

        try (FileStorage storage = open()) {
            assertThat(texts(storage.messages().latest(ROOM, 100))).isEqualTo(texts(sent.subList(0, 9)));
            assertThat(store(storage, "after recovery").id()).isGreaterThan(sent.get(8).id());
        }
    }

    @Test
    void aDamagedRecordFollowedByGoodOnesRefusesToStart() throws IOException {
        storeAndClose(10);
        Path segment = onlySegment();
        long size = Files.size(segment);
        flipBit(segment, 16 + 8 + 30);

        assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset 16 ")
                .hasMessageContaining("followed by a good record")
                .hasMessageContaining("Restore the data directory from a backup");
        assertThat(Files.size(segment)).as("nothing truncated").isEqualTo(size);
    }

    @Test
    void damageInAnOlderSegmentRefusesToStartUntilTheFileIsMovedAway() throws IOException {
        config = config.withOptions(Map.of("segmentBytes", "4k"));
        List<StoredMessage> sent = storeAndClose(200);
        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThan(3);
        flipBit(segments.get(1), 2000);

        assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                .hasMessageContaining(segments.get(1).toString())
                .hasMessageContaining("damaged at offset")
                .hasMessageContaining("move that file out of " + dir);

        Files.move(segments.get(1), tmp.resolve("moved-away.log"));
        try (FileStorage storage = open()) {
            List<StoredMessage> left = storage.messages().latest(ROOM, 1000);
            assertThat(left).hasSizeBetween(100, 199);
            assertThat(left.getLast()).isEqualTo(sent.getLast());
        }
    }

    @Test
    void aSecondOpenOnTheSameDirectoryFailsUntilTheFirstCloses() {
        FileStorage first = open();
        assertThatThrownBy(this::open).isInstanceOf(StorageException.class)
                .hasMessage("data directory " + dir + " is in use by another Parley server (lock file "
                        + dir.resolve("parley.lock") + "); stop it or pick another --data directory");
        assertThatThrownBy(this::open).as("still locked after a failed attempt").isInstanceOf(StorageException.class);
        store(first, "still works");
        first.close();
        try (FileStorage second = open()) {
            assertThat(second.messages().latest(ROOM, 10)).extracting(StoredMessage::text).containsExactly("still works");
        }
    }

    @Test
    void segmentsRollAtSegmentBytesAndHistorySpansThem() throws IOException {
        config = config.withOptions(Map.of("segmentBytes", "4k"));
        List<StoredMessage> sent = storeAndClose(200);
        assertThat(segments()).hasSizeGreaterThan(5);
        for (Path segment : segments()) {
            assertThat(Files.size(segment)).isLessThanOrEqualTo(4096);
        }
        try (FileStorage storage = open()) {
            assertThat(storage.messages().latest(ROOM, 1000)).isEqualTo(sent);
            assertThat(storage.messages().history(ROOM, sent.get(150).id(), 100)).isEqualTo(sent.subList(50, 150));
        }
    }

    @Test
    void retentionByCountDeletesOldSegments() throws IOException {
        config = config.withOptions(Map.of("segmentBytes", "4k")).withRetention(Retention.ofCount(10));
        List<StoredMessage> sent = storeAndClose(300);
        assertThat(segments()).hasSizeLessThanOrEqualTo(3);
        assertThat(segments().getFirst().getFileName().toString()).isNotEqualTo("segment-00000000000000000001.log");
        try (FileStorage storage = open()) {
            assertThat(storage.messages().latest(ROOM, 1000)).isEqualTo(sent.subList(290, 300));
            assertThat(store(storage, "next").id()).isGreaterThan(sent.getLast().id());
        }
    }

    @Test
    void retentionByAgeDeletesOldSegmentsAtOpen() throws IOException {
        config = config.withOptions(Map.of("segmentBytes", "4k"));
        Instant old = Instant.now().minus(Duration.ofDays(2));
        try (FileStorage storage = open()) {
            for (int i = 0; i < 200; i++) {
                storage.messages().append(new NewMessage(ROOM, "ann", old, "old message " + i)).join();
            }
        }
        assertThat(segments()).hasSizeGreaterThan(3);
        config = config.withRetention(Retention.ofAge(Duration.ofDays(1)));
        try (FileStorage storage = open()) {
            assertThat(segments()).hasSize(1);
            assertThat(storage.messages().latest(ROOM, 1000)).isEmpty();
            StoredMessage fresh = store(storage, "fresh");
            assertThat(fresh.id()).isEqualTo(201);
            assertThat(storage.messages().latest(ROOM, 1000)).containsExactly(fresh);
        }
    }

    @Test
    void aSegmentWithARetainedMessageOfAnotherRoomIsKept() throws IOException {
        config = config.withOptions(Map.of("segmentBytes", "4k"))
                .withRoomRetention(Map.of(ROOM, Retention.ofCount(5)));
        StoredMessage quiet;
        List<StoredMessage> sent;
        try (FileStorage storage = open()) {
            quiet = storage.messages().append(new NewMessage("quiet", "bob", Instant.now(), "keep me")).join();
            sent = storeMany(storage, 200);
        }
        assertThat(segments()).hasSizeGreaterThan(5);
        assertThat(segments().getFirst().getFileName().toString()).isEqualTo("segment-00000000000000000001.log");
        try (FileStorage storage = open()) {
            assertThat(storage.messages().latest("quiet", 10)).containsExactly(quiet);
            assertThat(storage.messages().latest(ROOM, 100)).isEqualTo(sent.subList(195, 200));
        }
    }

    @Test
    void aNewestSegmentCutShortInItsHeaderIsRewritten() throws IOException {
        List<StoredMessage> sent = storeAndClose(10);
        Path torn = dir.resolve("segment-00000000000000000011.log");
        Files.write(torn, new byte[] {0x50, 0x52, 0x4C});

        try (FileStorage storage = open()) {
            assertThat(storage.messages().latest(ROOM, 100)).isEqualTo(sent);
            assertThat(store(storage, "into the repaired segment").id()).isEqualTo(11);
        }
        assertThat(Files.size(torn)).isGreaterThan(16);
    }

    @Test
    void anInterruptedReaderDoesNotBreakReadsForOthers() {
        try (FileStorage storage = open()) {
            storeMany(storage, 5);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> storage.messages().latest(ROOM, 10))
                        .isInstanceOf(StorageException.class).hasMessageContaining("interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(storage.messages().latest(ROOM, 10)).hasSize(5);
            assertThat(store(storage, "and writes go on").id()).isEqualTo(6);
        }
    }

    private FileStorage open() {
        return FileStorage.open(dir, config);
    }

    private List<StoredMessage> storeAndClose(int count) {
        try (FileStorage storage = open()) {
            return storeMany(storage, count);
        }
    }

    private static List<StoredMessage> storeMany(FileStorage storage, int count) {
        List<StoredMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(store(storage, "message number " + i + " with some padding to fill segments quickly"));
        }
        return sent;
    }

    private static StoredMessage store(FileStorage storage, String text) {
        return storage.messages().append(new NewMessage(ROOM, "ann", Instant.now(), text)).join();
    }

    private static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::text).toList();
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("segment-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path onlySegment() {
        assertThat(segments()).hasSize(1);
        return segments().getFirst();
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flipBit(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }
}
