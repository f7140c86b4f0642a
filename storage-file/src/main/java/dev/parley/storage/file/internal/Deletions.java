package dev.parley.storage.file.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which messages moderators removed, kept in a {@link Journal} beside the segments (the segments
 * themselves are never rewritten): single messages by id, and whole rooms up to an id.
 *
 * <p>Consulted whenever a record is published to the index, at recovery and for every later
 * append, so a removed message never comes back. Thread-safe.
 */
final class Deletions implements AutoCloseable {

    private final Journal journal;
    private final Set<Long> ids = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> roomsUpTo = new ConcurrentHashMap<>();

    Deletions(Journal journal) {
        this.journal = journal;
        for (Map.Entry<String, byte[]> e : journal.entries().entrySet()) {
            String key = e.getKey();
            if (key.startsWith("m")) {
                ids.add(Long.parseLong(key.substring(1)));
            } else if (key.startsWith("r")) {
                roomsUpTo.put(key.substring(1), Fields.reader(e.getValue()).number());
            }
        }
    }

    /** Whether message {@code id} of {@code room} went with its room. */
    boolean isRoomDeleted(long id, String room) {
        Long upTo = roomsUpTo.get(room);
        return upTo != null && id <= upTo;
    }

    /** Whether message {@code id} was removed by itself. */
    boolean isDeleted(long id) {
        return ids.contains(id);
    }

    /** Records that message {@code id} is removed; durable when it returns. */
    void deleteMessage(long id) {
        journal.apply(List.of(Journal.Op.put("m" + id, new byte[0])));
        ids.add(id);
    }

    /** Records that every message of {@code room} up to {@code upToId} is removed; durable when it returns. */
    void deleteRoom(String room, long upToId) {
        journal.apply(List.of(Journal.Op.put("r" + room, Fields.writer().number(upToId).toBytes())));
        roomsUpTo.merge(room, upToId, Math::max);
    }

    @Override
    public void close() {
        journal.close();
    }
}
