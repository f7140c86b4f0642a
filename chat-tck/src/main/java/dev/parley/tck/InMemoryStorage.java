package dev.parley.tck;

import dev.parley.api.Retention;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.SettingsRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.Storage;
import dev.parley.spi.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Storage} that keeps messages in memory, for engine tests that should run without
 * files or databases. It is also its own {@link MessageRepository}.
 *
 * <p>It has the full semantics of the SPI: ids are positive and increase in the order of
 * {@link #append} calls, history is paged and oldest first, and the retention of the
 * {@link StorageConfig} it was made with hides older messages from history. Timestamps are kept
 * exactly. Appends are "durable" at once: the returned future is already complete, so futures
 * trivially complete in the order of calls.
 *
 * <p>For tests of storage errors, {@link #failAppends(StorageException)} makes appends fail until
 * it is called again with {@code null}. {@link #reopen()} gives a new instance over the same
 * messages, as a server restart would.
 *
 * <p>Thread-safe. Not restartable: after {@link #close()} appends fail with a
 * {@link StorageException}; use {@link #reopen()} for a fresh instance over the same data.
 */
public final class InMemoryStorage implements Storage, MessageRepository {

    private final Data data;
    private final StorageConfig config;
    private final Clock clock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StorageException appendFailure;
    private final InMemoryRepositories.Views repositories;

    /** An empty storage that keeps everything, with the system clock. */
    public InMemoryStorage() {
        this(StorageConfig.of("memory:"));
    }

    /** An empty storage with the retention of {@code config}, and the system clock. */
    public InMemoryStorage(StorageConfig config) {
        this(config, Clock.systemUTC());
    }

    /**
     * An empty storage with the retention of {@code config}; {@code clock} decides the age of
     * messages for {@link Retention#maxAge()}.
     */
    public InMemoryStorage(StorageConfig config, Clock clock) {
        this(new Data(), config, clock);
    }

    private InMemoryStorage(Data data, StorageConfig config, Clock clock) {
        this.data = data;
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.repositories = data.repositories.views(closed::get);
    }

    /**
     * A new open storage over the messages of this one, with the same configuration and clock,
     * as if the server had restarted. Ids keep increasing from where this one stopped.
     *
     * @throws IllegalStateException if this storage is still open, since two open storages over
     *                               the same data are not something a real backend allows
     */
    public InMemoryStorage reopen() {
        return reopen(config);
    }

    /** Like {@link #reopen()}, with another configuration (for instance another retention). */
    public InMemoryStorage reopen(StorageConfig newConfig) {
        if (!closed.get()) {
            throw new IllegalStateException("close this storage before reopening its data");
        }
        return new InMemoryStorage(data, newConfig, clock);
    }

    /**
     * Makes every following {@link #append} fail with {@code failure} (the future completes
     * exceptionally with it, and no id is used), until called again with {@code null}.
     */
    public void failAppends(StorageException failure) {
        appendFailure = failure;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public MessageRepository messages() {
        return this;
    }

    @Override
    public AccountRepository accounts() {
        return repositories.accountRepository;
    }

    @Override
    public RoomRepository rooms() {
        return repositories.roomRepository;
    }

    @Override
    public OfflineQueue offline() {
        return repositories.offlineQueue;
    }

    @Override
    public SanctionRepository sanctions() {
        return repositories.sanctionRepository;
    }

    @Override
    public SettingsRepository settings() {
        return repositories.settingsRepository;
    }

    @Override
    public CompletableFuture<StoredMessage> append(NewMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            return CompletableFuture.failedFuture(
                    new StorageException("the in-memory storage is closed; open a new one to store messages"));
        }
        StorageException failure = appendFailure;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        return CompletableFuture.completedFuture(data.add(message));
    }

    @Override
    public List<StoredMessage> history(String room, long beforeId, int limit) {
        Objects.requireNonNull(room, "room");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        if (closed.get()) {
            throw new StorageException("the in-memory storage is closed; open a new one to read history");
        }
        Retention retention = config.retentionOf(room);
        Instant cutoff = retention.maxAge() == null ? null : clock.instant().minus(retention.maxAge());
        return data.history(room, beforeId, limit, retention.maxMessages(), cutoff);
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        checkOpen("read history");
        return data.find(id);
    }

    @Override
    public boolean delete(long id) {
        checkOpen("delete messages");
        return data.delete(id);
    }

    @Override
    public long deleteRoom(String room) {
        checkOpen("delete messages");
        return data.deleteRoom(Objects.requireNonNull(room, "room"));
    }

    private void checkOpen(String what) {
        if (closed.get()) {
            throw new StorageException("the in-memory storage is closed; open a new one to " + what);
        }
    }

    /** Closes; appends fail from now on. Idempotent. */
    @Override
    public void close() {
        closed.set(true);
    }

    /** The messages, shared by an instance and those {@link #reopen() reopened} from it. */
    private static final class Data {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<String, List<StoredMessage>> rooms = new HashMap<>();
        private final InMemoryRepositories repositories = new InMemoryRepositories();
        private long nextId = 1;

        Optional<StoredMessage> find(long id) {
            lock.lock();
            try {
                return rooms.values().stream().flatMap(List::stream).filter(m -> m.id() == id).findFirst();
            } finally {
                lock.unlock();
            }
        }

        boolean delete(long id) {
            lock.lock();
            try {
                for (List<StoredMessage> room : rooms.values()) {
                    if (room.removeIf(m -> m.id() == id)) {
                        return true;
                    }
                }
                return false;
            } finally {
                lock.unlock();
            }
        }

        long deleteRoom(String room) {
            lock.lock();
            try {
                List<StoredMessage> removed = rooms.remove(room);
                return removed == null ? 0 : removed.size();
            } finally {
                lock.unlock();
            }
        }

        StoredMessage add(NewMessage message) {
            lock.lock();
            try {
                StoredMessage stored = new StoredMessage(nextId++, message.room(), message.sender(),
                        message.timestamp(), message.text());
                rooms.computeIfAbsent(message.room(), r -> new ArrayList<>()).add(stored);
                return stored;
            } finally {
                lock.unlock();
            }
        }

        List<StoredMessage> history(String room, long beforeId, int limit, long maxMessages, Instant cutoff) {
            lock.lock();
            try {
                List<StoredMessage> all = rooms.getOrDefault(room, List.of());
                int floor = maxMessages > 0 ? (int) Math.max(0, all.size() - maxMessages) : 0;
                List<StoredMessage> newestFirst = new ArrayList<>();
                for (int i = all.size() - 1; i >= floor && newestFirst.size() < limit; i--) {
                    StoredMessage m = all.get(i);
                    if (m.id() < beforeId && (cutoff == null || m.timestamp().isAfter(cutoff))) {
                        newestFirst.add(m);
                    }
                }
                Collections.reverse(newestFirst);
                return List.copyOf(newestFirst);
            } finally {
                lock.unlock();
            }
        }
    }
}
