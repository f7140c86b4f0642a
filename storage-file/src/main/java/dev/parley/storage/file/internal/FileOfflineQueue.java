package dev.parley.storage.file.internal;

import dev.parley.spi.OfflineMessage;
import dev.parley.spi.OfflineQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The file store's offline queue, in a {@link Journal} keyed by zero-padded id, with the next id
 * under its own key so that ids are never reused, even after every message was removed.
 * Thread-safe.
 */
final class FileOfflineQueue implements OfflineQueue {

    private static final String NEXT_ID = "#next";

    private final Journal journal;

    FileOfflineQueue(Journal journal) {
        this.journal = journal;
    }

    @Override
    public OfflineMessage enqueue(String recipient, String sender, Instant timestamp, String kind, String body) {
        synchronized (journal) {
            byte[] next = journal.get(NEXT_ID);
            long id = next == null ? 1 : Fields.reader(next).number();
            OfflineMessage message = new OfflineMessage(id, recipient, sender, timestamp, kind, body);
            journal.apply(List.of(
                    Journal.Op.put(key(id), Fields.writer().number(id).string(recipient).string(sender)
                            .instant(timestamp).string(kind).string(body).toBytes()),
                    Journal.Op.put(NEXT_ID, Fields.writer().number(id + 1).toBytes())));
            return message;
        }
    }

    @Override
    public List<OfflineMessage> pending(String recipient, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, was " + limit);
        }
        List<OfflineMessage> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : journal.entries().entrySet()) {
            if (!e.getKey().equals(NEXT_ID)) {
                OfflineMessage m = decode(e.getValue());
                if (m.recipient().equals(recipient)) {
                    out.add(m);
                }
            }
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return List.copyOf(out.subList(0, Math.min(limit, out.size())));
    }

    @Override
    public int remove(String recipient, long upToId) {
        synchronized (journal) {
            List<Journal.Op> ops = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : journal.entries().entrySet()) {
                if (!e.getKey().equals(NEXT_ID)) {
                    OfflineMessage m = decode(e.getValue());
                    if (m.recipient().equals(recipient) && m.id() <= upToId) {
                        ops.add(Journal.Op.remove(e.getKey()));
                    }
                }
            }
            journal.apply(ops);
            return ops.size();
        }
    }

    private static String key(long id) {
        return String.format("%020d", id);
    }

    private static OfflineMessage decode(byte[] value) {
        Fields f = Fields.reader(value);
        return new OfflineMessage(f.number(), f.string(), f.string(), f.instant(), f.string(), f.string());
    }
}
