package dev.parley.storage.file.internal;

import dev.parley.spi.RoomKind;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.StoredRoom;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The file store's rooms and groups, in a {@link Journal} keyed by name. Thread-safe. */
final class FileRooms implements RoomRepository {

    private final Journal journal;

    FileRooms(Journal journal) {
        this.journal = journal;
    }

    @Override
    public boolean create(StoredRoom room) {
        Objects.requireNonNull(room, "room");
        synchronized (journal) {
            if (journal.get(room.name()) != null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.put(room.name(), encode(room))));
            return true;
        }
    }

    @Override
    public Optional<StoredRoom> find(String name) {
        byte[] value = journal.get(name);
        return value == null ? Optional.empty() : Optional.of(decode(value));
    }

    @Override
    public List<StoredRoom> list() {
        return journal.entries().values().stream().map(FileRooms::decode)
                .sorted(Comparator.comparing(StoredRoom::name)).toList();
    }

    @Override
    public boolean update(StoredRoom room) {
        synchronized (journal) {
            byte[] value = journal.get(room.name());
            if (value == null) {
                return false;
            }
            StoredRoom old = decode(value);
            StoredRoom updated = new StoredRoom(old.name(), old.kind(), room.topic(), room.owner(), room.moderators(),
                    room.members(), old.created());
            journal.apply(List.of(Journal.Op.put(room.name(), encode(updated))));
            return true;
        }
    }

    @Override
    public boolean delete(String name) {
        synchronized (journal) {
            if (journal.get(name) == null) {
                return false;
            }
            journal.apply(List.of(Journal.Op.remove(name)));
            return true;
        }
    }

    private static byte[] encode(StoredRoom r) {
        return Fields.writer().string(r.name()).string(r.kind().name()).string(r.topic()).string(r.owner())
                .strings(r.moderators()).strings(r.members()).instant(r.created()).toBytes();
    }

    private static StoredRoom decode(byte[] value) {
        Fields f = Fields.reader(value);
        return new StoredRoom(f.string(), RoomKind.valueOf(f.string()), f.string(), f.string(), f.strings(),
                f.strings(), f.instant());
    }
}
