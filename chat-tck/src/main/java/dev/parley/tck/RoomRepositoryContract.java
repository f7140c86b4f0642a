package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.NAMES;
import static dev.parley.tck.StorageSuiteSupport.T0;
import static dev.parley.tck.StorageSuiteSupport.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.spi.NewMessage;
import dev.parley.spi.RoomKind;
import dev.parley.spi.RoomRepository;
import dev.parley.spi.Storage;
import dev.parley.spi.StoredRoom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RoomRepository}, run by {@link StorageConformanceTest} for every
 * backend: names match exactly, the list is ordered by {@link String#compareTo}, updates keep
 * kind and creation time, sets of moderators and members round-trip (empty ones too), and
 * everything survives a reopen.
 */
abstract class RoomRepositoryContract extends RepositoryContract {

    @Test
    void createdRoomsAndGroupsAreFoundAsStored() {
        RoomRepository rooms = open().rooms();
        StoredRoom lobby = room("lobby", RoomKind.ROOM, "welcome", Set.of("mod1", "mod2"), Set.of());
        StoredRoom group = room("g-42", RoomKind.GROUP, "", Set.of(), Set.of("ann", "bob", "Zoë"));
        assertThat(rooms.create(lobby)).isTrue();
        assertThat(rooms.create(group)).isTrue();
        assertThat(normalize(rooms.find("lobby"))).contains(normalize(lobby));
        assertThat(normalize(rooms.find("g-42"))).contains(normalize(group));
        assertThat(rooms.find("nowhere")).isEmpty();
    }

    @Test
    void createReturnsFalseWhenTheNameIsTakenAndChangesNothing() {
        RoomRepository rooms = open().rooms();
        StoredRoom lobby = room("lobby", RoomKind.ROOM, "welcome", Set.of("mod"), Set.of());
        rooms.create(lobby);
        assertThat(rooms.create(room("lobby", RoomKind.ROOM, "other", Set.of(), Set.of()))).isFalse();
        assertThat(rooms.create(room("lobby", RoomKind.GROUP, "a group", Set.of(), Set.of("ann")))).isFalse();
        assertThat(normalize(rooms.find("lobby"))).contains(normalize(lobby));
        assertThat(rooms.list()).hasSize(1);
    }

    @Test
    void namesMatchExactly() {
        RoomRepository rooms = open().rooms();
        rooms.create(room("Lobby", RoomKind.ROOM, "upper", Set.of(), Set.of()));
        assertThat(rooms.find("lobby")).isEmpty();
        assertThat(rooms.find("LOBBY")).isEmpty();
        assertThat(rooms.find("Lobby ")).isEmpty();
        assertThat(rooms.create(room("lobby", RoomKind.ROOM, "lower", Set.of(), Set.of()))).isTrue();
        assertThat(rooms.create(room("Lobby ", RoomKind.ROOM, "trailing space", Set.of(), Set.of()))).isTrue();
        assertThat(rooms.create(room("Löbby", RoomKind.ROOM, "umlaut", Set.of(), Set.of()))).isTrue();
        assertThat(rooms.find("Lobby")).map(StoredRoom::topic).contains("upper");
        assertThat(rooms.find("lobby")).map(StoredRoom::topic).contains("lower");
        assertThat(rooms.find("Lobby ")).map(StoredRoom::topic).contains("trailing space");
        assertThat(rooms.find("Löbby")).map(StoredRoom::topic).contains("umlaut");
    }

    @Test
    void listIsOrderedByName() {
        RoomRepository rooms = open().rooms();
        assertThat(rooms.list()).isEmpty();
        // Case-sensitive, by UTF-16 code unit: "Zeta" before "alpha", and the emoji (a surrogate
        // pair) before U+FF01, which code point or UTF-8 byte order would put the other way.
        List<String> names = List.of("beta", "😀", "alpha", "Zeta", "\uFF01 fullwidth", "Alpha", "émile",
                "alpha 2", "a", "10", "9", "ß");
        for (int i = 0; i < names.size(); i++) {
            rooms.create(room(names.get(i), i % 2 == 0 ? RoomKind.ROOM : RoomKind.GROUP, "", Set.of(), Set.of()));
        }
        List<String> sorted = names.stream().sorted(Comparator.naturalOrder()).toList();
        assertThat(rooms.list()).extracting(StoredRoom::name).containsExactlyElementsOf(sorted);
    }

    @Test
    void updateReplacesTopicOwnerModeratorsAndMembersButKeepsKindAndCreationTime() {
        RoomRepository rooms = open().rooms();
        StoredRoom group = room("g", RoomKind.GROUP, "old topic", Set.of("mod"), Set.of("ann", "bob"));
        rooms.create(group);
        StoredRoom change = new StoredRoom("g", RoomKind.ROOM, "new topic", "bob", Set.of("ann", "carol"),
                Set.of("bob", "carol", "dave"), T0.plusSeconds(86_400));
        assertThat(rooms.update(change)).isTrue();
        StoredRoom expected = new StoredRoom("g", RoomKind.GROUP, "new topic", "bob", Set.of("ann", "carol"),
                Set.of("bob", "carol", "dave"), group.created());
        assertThat(normalize(rooms.find("g"))).contains(normalize(expected));
        assertThat(rooms.list()).hasSize(1);
    }

    @Test
    void updateOfAnUnknownRoomReturnsFalseAndCreatesNothing() {
        RoomRepository rooms = open().rooms();
        rooms.create(room("Lobby", RoomKind.ROOM, "", Set.of(), Set.of()));
        assertThat(rooms.update(room("lobby", RoomKind.ROOM, "topic", Set.of(), Set.of()))).isFalse();
        assertThat(rooms.find("lobby")).isEmpty();
        assertThat(rooms.find("Lobby")).map(StoredRoom::topic).contains("");
    }

    @Test
    void deleteRemovesOnlyThatRoomAndLeavesItsMessages() {
        Storage storage = open();
        RoomRepository rooms = storage.rooms();
        rooms.create(room("lobby", RoomKind.ROOM, "", Set.of(), Set.of()));
        rooms.create(room("other", RoomKind.GROUP, "", Set.of(), Set.of("ann")));
        store(storage, new NewMessage("lobby", "ann", T0, "still here"));
        assertThat(rooms.delete("Lobby")).isFalse();
        assertThat(rooms.delete("lobby")).isTrue();
        assertThat(rooms.find("lobby")).isEmpty();
        assertThat(rooms.delete("lobby")).isFalse();
        assertThat(rooms.list()).extracting(StoredRoom::name).containsExactly("other");
        assertThat(storage.messages().latest("lobby", 10)).extracting(m -> m.text()).containsExactly("still here");
        assertThat(rooms.create(room("lobby", RoomKind.GROUP, "again", Set.of(), Set.of()))).isTrue();
        assertThat(rooms.find("lobby")).map(StoredRoom::kind).contains(RoomKind.GROUP);
    }

    @Test
    void moderatorsAndMembersRoundTripIncludingEmptySets() {
        Storage storage = open();
        Set<String> many = new HashSet<>(NAMES);
        for (int i = 0; i < 200; i++) {
            many.add("member-" + i);
        }
        StoredRoom big = room("big", RoomKind.GROUP, "", Set.copyOf(NAMES), many);
        StoredRoom bare = room("bare", RoomKind.ROOM, "", Set.of(), Set.of());
        StoredRoom emptied = room("emptied", RoomKind.GROUP, "", Set.of("mod"), Set.of("ann"));
        storage.rooms().create(big);
        storage.rooms().create(bare);
        storage.rooms().create(emptied);
        storage.rooms().update(emptied.withModerators(Set.of()).withMembers(Set.of()));
        assertSetsRoundTrip(storage.rooms(), big, bare);
        assertSetsRoundTrip(reopen(storage).rooms(), big, bare);
    }

    private void assertSetsRoundTrip(RoomRepository rooms, StoredRoom big, StoredRoom bare) {
        assertThat(normalize(rooms.find("big"))).contains(normalize(big));
        assertThat(normalize(rooms.find("bare"))).contains(normalize(bare));
        assertThat(rooms.find("emptied")).hasValueSatisfying(r -> {
            assertThat(r.moderators()).isEmpty();
            assertThat(r.members()).isEmpty();
        });
    }

    @Test
    void roomsSurviveCloseAndReopenExactly() {
        Storage storage = open();
        List<StoredRoom> expected = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            StoredRoom r = new StoredRoom("room " + i + " " + NAMES.get(i % NAMES.size()),
                    i % 2 == 0 ? RoomKind.ROOM : RoomKind.GROUP, TEXTS.get(i), NAMES.get((i + 1) % NAMES.size()),
                    Set.of(NAMES.get((i + 2) % NAMES.size())), i % 2 == 0 ? Set.of() : Set.copyOf(NAMES),
                    T0.plusNanos(i * 1_001_001L));
            storage.rooms().create(r);
            expected.add(r);
        }
        storage.rooms().create(room("gone", RoomKind.ROOM, "", Set.of(), Set.of()));
        storage.rooms().delete("gone");
        StoredRoom changed = expected.getFirst().withTopic("changed 🚀").withMembers(Set.of());
        storage.rooms().update(changed);
        expected.set(0, changed);

        RoomRepository reopened = reopen(storage).rooms();
        assertThat(normalize(reopened.list())).isEqualTo(
                normalize(expected.stream().sorted(Comparator.comparing(StoredRoom::name)).toList()));
        for (StoredRoom r : expected) {
            assertThat(normalize(reopened.find(r.name()))).as(r.name()).contains(normalize(r));
        }
        assertThat(reopened.find("gone")).isEmpty();
        assertThat(reopened.create(expected.getLast())).isFalse();
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        RoomRepository rooms = storage.rooms();
        StoredRoom lobby = room("lobby", RoomKind.ROOM, "", Set.of(), Set.of());
        rooms.create(lobby);
        storage.close();
        assertEachFailsWithStorageException(
                () -> rooms.create(room("other", RoomKind.ROOM, "", Set.of(), Set.of())),
                () -> rooms.find("lobby"),
                rooms::list,
                () -> rooms.update(lobby.withTopic("x")),
                () -> rooms.delete("lobby"));
    }

    private static StoredRoom room(String name, RoomKind kind, String topic, Set<String> moderators,
                                   Set<String> members) {
        return new StoredRoom(name, kind, topic, "owner", moderators, members, T0);
    }

    private List<StoredRoom> normalize(List<StoredRoom> rooms) {
        return rooms.stream().map(this::normalize).toList();
    }

    private Optional<StoredRoom> normalize(Optional<StoredRoom> room) {
        return room.map(this::normalize);
    }

    private StoredRoom normalize(StoredRoom r) {
        return new StoredRoom(r.name(), r.kind(), r.topic(), r.owner(), r.moderators(), r.members(),
                fixture().normalize(r.created()));
    }
}
