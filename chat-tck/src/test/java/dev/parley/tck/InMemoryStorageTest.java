package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StorageProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-memory fake passes the storage suite, plus its test-only knobs. */
class InMemoryStorageTest extends StorageConformanceTest {

    private static final AtomicInteger LOCATIONS = new AtomicInteger();

    /**
     * Keeps the last storage per location, so that opening a location again reopens its data;
     * refuses to open a location whose last storage is still open, as a real backend does.
     */
    static final class Provider implements StorageProvider {
        private final Map<String, InMemoryStorage> byLocation = new HashMap<>();

        @Override
        public String name() {
            return "memory";
        }

        @Override
        public synchronized Storage open(StorageConfig config) {
            InMemoryStorage last = byLocation.get(config.location());
            if (last != null && !last.isClosed()) {
                throw new StorageException(config.location() + " is in use by another storage; close it first");
            }
            InMemoryStorage storage = last == null ? new InMemoryStorage(config) : last.reopen(config);
            byLocation.put(config.location(), storage);
            return storage;
        }
    }

    private final Provider provider = new Provider();

    @Override
    protected StorageProvider provider() {
        return provider;
    }

    @Override
    protected String location() {
        return "memory:test-" + LOCATIONS.incrementAndGet();
    }

    @Override
    protected java.time.temporal.ChronoUnit timestampPrecision() {
        return java.time.temporal.ChronoUnit.NANOS;
    }

    @Test
    void failAppendsMakesAppendsFailUntilCleared() {
        InMemoryStorage storage = new InMemoryStorage();
        StorageException disk = new StorageException("disk full; free disk space");
        storage.failAppends(disk);
        assertThatThrownBy(() -> storage.append(message("lost")).get())
                .isInstanceOf(ExecutionException.class).cause().isSameAs(disk);
        storage.failAppends(null);
        assertThat(storage.append(message("kept")).join().id()).isEqualTo(1);
        assertThat(storage.latest("lobby", 10)).extracting(m -> m.text()).containsExactly("kept");
    }

    @Test
    void ageIsMeasuredWithTheGivenClock() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        InMemoryStorage storage = new InMemoryStorage(
                StorageConfig.of("memory:").withRetention(Retention.ofAge(Duration.ofMinutes(5))),
                Clock.fixed(now, ZoneOffset.UTC));
        storage.append(new NewMessage("lobby", "ann", now.minusSeconds(600), "old")).join();
        storage.append(new NewMessage("lobby", "ann", now.minusSeconds(60), "new")).join();
        assertThat(storage.latest("lobby", 10)).extracting(m -> m.text()).containsExactly("new");
    }

    @Test
    void reopenRefusesWhileOpen() {
        InMemoryStorage storage = new InMemoryStorage();
        assertThatThrownBy(storage::reopen).isInstanceOf(IllegalStateException.class);
    }

    private static NewMessage message(String text) {
        return new NewMessage("lobby", "ann", Instant.now(), text);
    }
}
