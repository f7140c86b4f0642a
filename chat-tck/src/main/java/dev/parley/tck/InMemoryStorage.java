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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link Storage} that keeps messages in memory, for engine tests that should run without
 * files or databases. It is also its own {@link MessageRepository}.
 *
 * <p>It has the full semantics of the SPI: ids are positive and increase in the order of
 * {@link #append} calls, history is paged and oldest first, and the retention of the
 * {@link StorageConfig} it was made with hides older messages from history and find (a deleted
 * message still counts towards retention by count). Timestamps are kept
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
        return data.history(room, beforeId, limit, window(room));
    }

    @Override
    public Optional<StoredMessage> find(long id) {
        checkOpen("read history");
        return data.find(id, this::window);
    }

    @Override
    public boolean delete(long id) {
        checkOpen("delete messages");
        return data.delete(id, this::window);
    }

    @Override
    public long deleteRoom(String room) {
        checkOpen("delete messages");
        return data.deleteRoom(Objects.requireNonNull(room, "room"), window(room));
    }

    /** What the retention of {@code room} keeps, as of now. */
    private Window window(String room) {
        Retention retention = config.retentionOf(room);
        Instant cutoff = retention.maxAge() == null ? null : clock.instant().minus(retention.maxAge());
        return new Window(retention.maxMessages(), cutoff);
    }

    /**
     * A room's retention at one instant: its newest {@code maxMessages} messages as appended (0
     * for all), with a timestamp after {@code cutoff} ({@code null} for any).
     */
    private record Window(long maxMessages, Instant cutoff) {

        /** Whether the message at {@code index} of a room's {@code size} appended ones is retained. */
        boolean retains(int index, int size, StoredMessage m) {
            return (maxMessages == 0 || index >= size - maxMessages)
                    && (cutoff == null || m.timestamp().isAfter(cutoff));
        }
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

    /**
     * The messages, shared by an instance and those {@link #reopen() reopened} from it. A deleted
     * message stays in its room's list as a tombstone (its id in {@code deleted}), so that it
     * still counts towards retention by count, as {@link MessageRepository#delete} requires.
     */
    private static final class Data {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<String, List<StoredMessage>> rooms = new HashMap<>();
        private final Set<Long> deleted = new HashSet<>();
        private final InMemoryRepositories repositories = new InMemoryRepositories();
        private long nextId = 1;

        Optional<StoredMessage> find(long id, Function<String, Window> windows) {
            lock.lock();
            try {
                return retained(id, windows);
            } finally {
                lock.unlock();
            }
        }

        boolean delete(long id, Function<String, Window> windows) {
            lock.lock();
            try {
                return retained(id, windows).isPresent() && deleted.add(id);
            } finally {
                lock.unlock();
            }
        }

        long deleteRoom(String room, Window window) {
            lock.lock();
            try {
                List<StoredMessage> all = rooms.remove(room);
                if (all == null) {
                    return 0;
                }
                long count = 0;
                for (int i = 0; i < all.size(); i++) {
                    StoredMessage m = all.get(i);
                    if (!deleted.remove(m.id()) && window.retains(i, all.size(), m)) {
                        count++;
                    }
                }
                return count;
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

        List<StoredMessage> history(String room, long beforeId, int limit, Window window) {
            lock.lock();
            try {
                List<StoredMessage> all = rooms.getOrDefault(room, List.of());
                List<StoredMessage> newestFirst = new ArrayList<>();
                for (int i = all.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
                    StoredMessage m = all.get(i);
                    if (!window.retains(i, all.size(), m)) {
                        if (window.maxMessages() > 0 && i < all.size() - window.maxMessages()) {
                            break;
                        }
                        continue;
                    }
                    if (m.id() < beforeId && !deleted.contains(m.id())) {
                        newestFirst.add(m);
                    }
                }
                Collections.reverse(newestFirst);
                return List.copyOf(newestFirst);
            } finally {
                lock.unlock();
            }
        }

        /** The message with {@code id} if it is retained and not deleted; the caller holds the lock. */
        private Optional<StoredMessage> retained(long id, Function<String, Window> windows) {
            if (deleted.contains(id)) {
                return Optional.empty();
            }
            for (Map.Entry<String, List<StoredMessage>> room : rooms.entrySet()) {
                List<StoredMessage> all = room.getValue();
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).id() == id) {
                        return windows.apply(room.getKey()).retains(i, all.size(), all.get(i))
                                ? Optional.of(all.get(i)) : Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }
}
