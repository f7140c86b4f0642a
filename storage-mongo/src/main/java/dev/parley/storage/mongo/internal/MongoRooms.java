package dev.parley.storage.mongo.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.parley.spi.RoomKind;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.StoredRoom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The {@link RoomRepository} of the MongoDB store: one document per room or group, keyed by its
 * name; moderators and members are arrays, stored sorted.
 *
 * <p>Thread-safe.
 */
final class MongoRooms implements RoomRepository {

    private final Guard guard;
    private final MongoCollection<Document> rooms;

    /** @param rooms the rooms collection, with the write concern of the policy */
    MongoRooms(Guard guard, MongoCollection<Document> rooms) {
        this.guard = guard;
        this.rooms = rooms;
    }

    @Override
    public boolean create(StoredRoom room) {
        Objects.requireNonNull(room, "room");
        Document document = new Document("_id", room.name())
                .append("kind", room.kind().name())
                .append("topic", room.topic())
                .append("owner", room.owner())
                .append("moderators", sorted(room.moderators()))
                .append("members", sorted(room.members()));
        Times.put(document, "created", room.created());
        return guard.run("create the room '" + room.name() + "'", () -> {
            try {
                rooms.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (DuplicateKeys.is(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<StoredRoom> find(String name) {
        Objects.requireNonNull(name, "name");
        return guard.run("find the room '" + name + "'",
                () -> Optional.ofNullable(rooms.find(eq("_id", name)).first()).map(MongoRooms::room));
    }

    /** Every room, sorted by {@link String#compareTo} in Java (MongoDB would sort by UTF-8 bytes). */
    @Override
    public List<StoredRoom> list() {
        return guard.run("list the rooms", () -> {
            List<StoredRoom> all = new ArrayList<>();
            rooms.find().forEach(d -> all.add(room(d)));
            all.sort(Comparator.comparing(StoredRoom::name));
            return List.copyOf(all);
        });
    }

    @Override
    public boolean update(StoredRoom room) {
        Objects.requireNonNull(room, "room");
        return guard.run("update the room '" + room.name() + "'", () -> rooms.updateOne(eq("_id", room.name()),
                Updates.combine(Updates.set("topic", room.topic()), Updates.set("owner", room.owner()),
                        Updates.set("moderators", sorted(room.moderators())),
                        Updates.set("members", sorted(room.members())))).getMatchedCount() > 0);
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return guard.run("delete the room '" + name + "'",
                () -> rooms.deleteOne(eq("_id", name)).getDeletedCount() > 0);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static StoredRoom room(Document document) {
        return new StoredRoom(document.getString("_id"), RoomKind.valueOf(document.getString("kind")),
                document.getString("topic"), document.getString("owner"),
                names(document.getList("moderators", String.class)), names(document.getList("members", String.class)),
                Times.get(document, "created"));
    }

    private static Set<String> names(Collection<String> stored) {
        return stored == null ? Set.of() : new HashSet<>(stored);
    }
}
