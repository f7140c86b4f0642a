package dev.parley.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A room or a group as stored.
 *
 * @param name       unique among rooms and groups (exact match); for a group, its id
 * @param kind       room or group
 * @param topic      what the room is about; may be empty, never {@code null}
 * @param owner      who created it and administers it (the group's admin)
 * @param moderators who may moderate it besides the owner; any order, no duplicates
 * @param members    the stored members (groups); rooms store none. Any order, no duplicates
 * @param created    when it was created
 */
public record StoredRoom(String name, RoomKind kind, String topic, String owner, Set<String> moderators,
                         Set<String> members, Instant created) {

    public StoredRoom {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(owner, "owner");
        moderators = Set.copyOf(moderators);
        members = Set.copyOf(members);
        Objects.requireNonNull(created, "created");
    }

    public StoredRoom withTopic(String newTopic) {
        return new StoredRoom(name, kind, newTopic, owner, moderators, members, created);
    }

    public StoredRoom withModerators(Set<String> newModerators) {
        return new StoredRoom(name, kind, topic, owner, newModerators, members, created);
    }

    public StoredRoom withMembers(Set<String> newMembers) {
        return new StoredRoom(name, kind, topic, owner, moderators, newMembers, created);
    }
}
