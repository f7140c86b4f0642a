package dev.parley.tck;

import dev.parley.api.StorageException;
import dev.parley.spi.Account;
import dev.parley.spi.AccountRepository;
import dev.parley.spi.OfflineMessage;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.Sanction;
import dev.parley.spi.SanctionKind;
import dev.parley.spi.SanctionRepository;
import dev.parley.spi.SettingsRepository;
import dev.parley.spi.StoredRoom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The repositories of {@link InMemoryStorage} other than messages: plain maps behind one monitor,
 * shared by an instance and those reopened from it. Thread-safe.
 */
final class InMemoryRepositories {

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, StoredRoom> rooms = new TreeMap<>();
    private final List<OfflineMessage> offline = new ArrayList<>();
    private final Map<String, Sanction> sanctions = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private long nextOfflineId = 1;

    /** Views of these repositories that fail once {@code closed} says so. */
    Views views(BooleanSupplier closed) {
        return new Views(closed);
    }

    /** The repositories over this data, failing once {@code closed} says so. */
    final class Views {

        private final BooleanSupplier closed;
        final AccountRepository accountRepository = new Accounts();
        final RoomRepository roomRepository = new Rooms();
        final OfflineQueue offlineQueue = new Offline();
        final SanctionRepository sanctionRepository = new Sanctions();
        final SettingsRepository settingsRepository = new Settings();

        private Views(BooleanSupplier closed) {
            this.closed = closed;
        }

        private void checkOpen() {
            if (closed.getAsBoolean()) {
                throw new StorageException("the in-memory storage is closed; open a new one");
            }
        }

        private final class Accounts implements AccountRepository {

            @Override
            public boolean create(Account account) {
                Objects.requireNonNull(account, "account");
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return accounts.putIfAbsent(key(account.name()), account) == null;
                }
            }

            @Override
            public Optional<Account> find(String name) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return Optional.ofNullable(accounts.get(key(name)));
                }
            }

            @Override
            public boolean update(Account account) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    Account old = accounts.get(key(account.name()));
                    if (old == null) {
                        return false;
                    }
                    accounts.put(key(account.name()), new Account(old.name(), account.passwordHash(), account.role(),
                            old.created()));
                    return true;
                }
            }

            @Override
            public boolean delete(String name) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return accounts.remove(key(name)) != null;
                }
            }

            @Override
            public long count() {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return accounts.size();
                }
            }

            /**
             * {@code name} with A-Z lower-cased and nothing else: {@link String#toLowerCase} would
             * also fold non-ASCII letters (and map the Kelvin sign to an ASCII k).
             */
            private static String key(String name) {
                char[] chars = name.toCharArray();
                for (int i = 0; i < chars.length; i++) {
                    if (chars[i] >= 'A' && chars[i] <= 'Z') {
                        chars[i] = (char) (chars[i] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }

        private final class Rooms implements RoomRepository {

            @Override
            public boolean create(StoredRoom room) {
                Objects.requireNonNull(room, "room");
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return rooms.putIfAbsent(room.name(), room) == null;
                }
            }

            @Override
            public Optional<StoredRoom> find(String name) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return Optional.ofNullable(rooms.get(name));
                }
            }

            @Override
            public List<StoredRoom> list() {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return List.copyOf(rooms.values());
                }
            }

            @Override
            public boolean update(StoredRoom room) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    StoredRoom old = rooms.get(room.name());
                    if (old == null) {
                        return false;
                    }
                    rooms.put(room.name(), new StoredRoom(old.name(), old.kind(), room.topic(), room.owner(),
                            room.moderators(), room.members(), old.created()));
                    return true;
                }
            }

            @Override
            public boolean delete(String name) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return rooms.remove(name) != null;
                }
            }
        }

        private final class Offline implements OfflineQueue {

            @Override
            public OfflineMessage enqueue(String recipient, String sender, Instant timestamp, String kind, String body) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    OfflineMessage m = new OfflineMessage(nextOfflineId++, recipient, sender, timestamp, kind, body);
                    offline.add(m);
                    return m;
                }
            }

            @Override
            public List<OfflineMessage> pending(String recipient, int limit) {
                if (limit < 0) {
                    throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
                }
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return offline.stream().filter(m -> m.recipient().equals(recipient)).limit(limit).toList();
                }
            }

            @Override
            public int remove(String recipient, long upToId) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    int before = offline.size();
                    offline.removeIf(m -> m.recipient().equals(recipient) && m.id() <= upToId);
                    return before - offline.size();
                }
            }
        }

        private final class Sanctions implements SanctionRepository {

            @Override
            public void put(Sanction sanction) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    sanctions.put(key(sanction.scope(), sanction.kind(), sanction.subject()), sanction);
                }
            }

            @Override
            public boolean remove(String scope, SanctionKind kind, String subject) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return sanctions.remove(key(scope, kind, subject)) != null;
                }
            }

            @Override
            public List<Sanction> all() {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return List.copyOf(sanctions.values());
                }
            }

            private static String key(String scope, SanctionKind kind, String subject) {
                return scope + '\u0000' + kind + '\u0000' + subject;
            }
        }

        private final class Settings implements SettingsRepository {

            @Override
            public Map<String, String> all() {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return Map.copyOf(settings);
                }
            }

            @Override
            public void put(String key, String value) {
                Objects.requireNonNull(value, "value");
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    settings.put(Objects.requireNonNull(key, "key"), value);
                }
            }

            @Override
            public boolean remove(String key) {
                synchronized (InMemoryRepositories.this) {
                    checkOpen();
                    return settings.remove(key) != null;
                }
            }
        }
    }
}
