package dev.parley.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.Durability;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How each durability mode syncs, counted by the store rather than timed. */
class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsShareSyncsUnderGroupCommit() throws InterruptedException {
        try (FileStorage storage = FileStorage.open(dir, StorageConfig.of("file:x"))) {
            List<CompletableFuture<StoredMessage>> futures = appendFromThreads(storage, 8, 125);
            futures.forEach(CompletableFuture::join);
            assertThat(storage.syncCount()).isPositive().isLessThan(1000);
            assertThat(storage.messages().latest("lobby", 2000)).hasSize(1000);
        }
    }

    @Test
    void everyWriteSyncsEachAppend() throws InterruptedException {
        StorageConfig config = StorageConfig.of("file:x").withDurability(Durability.EVERY_WRITE);
        try (FileStorage storage = FileStorage.open(dir, config)) {
            appendFromThreads(storage, 4, 25).forEach(CompletableFuture::join);
            assertThat(storage.syncCount()).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void osBufferedDoesNotSyncWhileAppending() throws InterruptedException {
        StorageConfig config = StorageConfig.of("file:x").withDurability(Durability.OS_BUFFERED);
        try (FileStorage storage = FileStorage.open(dir, config)) {
            appendFromThreads(storage, 4, 25).forEach(CompletableFuture::join);
            assertThat(storage.syncCount()).isZero();
        }
    }

    @Test
    void aMessageTooLargeToStoreFailsAtOnce() {
        try (FileStorage storage = FileStorage.open(dir, StorageConfig.of("file:x"))) {
            CompletableFuture<StoredMessage> huge = storage.messages()
                    .append(new NewMessage("lobby", "ann", Instant.now(), "x".repeat(17 << 20)));
            assertThatThrownBy(huge::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(StorageException.class).hasMessageContaining("too large");
            assertThat(storage.messages().append(new NewMessage("lobby", "ann", Instant.now(), "small")).join().id())
                    .isEqualTo(1);
        }
    }

    private static List<CompletableFuture<StoredMessage>> appendFromThreads(FileStorage storage, int threads,
                                                                           int perThread) throws InterruptedException {
        List<CompletableFuture<StoredMessage>> futures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String sender = "t" + t;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    CompletableFuture<StoredMessage> f = storage.messages()
                            .append(new NewMessage("lobby", sender, Instant.now(), sender + " " + i));
                    synchronized (futures) {
                        futures.add(f);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return futures;
    }
}
