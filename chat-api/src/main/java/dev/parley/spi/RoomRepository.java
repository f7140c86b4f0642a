package dev.parley.spi;

import java.util.List;
import java.util.Optional;

/**
 * Rooms and groups: their names, topics, owners, moderators and (for groups) members. The
 * messages written in them are in the {@link MessageRepository}, under the room's name.
 *
 * <p>The engine loads every room at start and then writes through, serialising the changes of
 * one room; a backend needs no finer concurrency control than "last update wins".
 *
 * <p>Thread-safe. Every method may block on I/O; a write is durable when it returns. Failures are
 * {@link dev.parley.api.StorageException}s, also after {@link Storage#close()}.
 */
public interface RoomRepository {

    /**
     * Stores a new room.
     *
     * @return {@code false}, changing nothing, when a room or group with that name exists
     */
    boolean create(StoredRoom room);

    /** The room or group named {@code name} (exact match). */
    Optional<StoredRoom> find(String name);

    /**
     * Every room and group, ordered by name as {@link String#compareTo} orders them: by UTF-16
     * code unit, so case-sensitive ({@code Zeta} before {@code alpha}) and not as a database
     * collation would.
     */
    List<StoredRoom> list();

    /**
     * Replaces topic, owner, moderators and members of the existing room with the name of
     * {@code room}; its kind and creation time stay.
     *
     * @return {@code false} when there is no such room
     */
    boolean update(StoredRoom room);

    /**
     * Removes the room or group named {@code name}. Its messages stay in the
     * {@link MessageRepository} until {@link MessageRepository#deleteRoom} removes them.
     *
     * @return {@code false} when there was none
     */
    boolean delete(String name);
}
