package dev.parley.engine.internal;

import dev.parley.api.ChatMessage;
import dev.parley.api.Retention;
import dev.parley.api.StorageException;
import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room: its members, the order of its messages, and the tail of its history kept in memory.
 *
 * <p>One lock orders everything that happens in the room: a message is stamped, handed to
 * storage (which does not block) and queued to every member under it, so all members see the
 * same order and a member who joins sees each message exactly once, either in the history it
 * receives or live. Nothing under the lock blocks: storage appends and connection sends only
 * queue. The sender's own copy is its acknowledgement: it is queued only once storage has made
 * the message durable.
 *
 * <p>Thread-safe.
 */
final class Room {

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private record Entry(Instant time, ChatMessage message) {
    }

    private final String name;
    private final MessageRepository messages;
    private final Retention retention;
    private final WireCodec codec;
    private final Timestamps timestamps;
    private final Clock clock;
    private final int tailCapacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ServerSession> members = new ArrayList<>();
    private final ArrayDeque<Entry> tail;

    Room(String name, MessageRepository messages, Retention retention, WireCodec codec, Timestamps timestamps,
         Clock clock, int tailCapacity) {
        this.name = name;
        this.messages = messages;
        this.retention = retention;
        this.codec = codec;
        this.timestamps = timestamps;
        this.clock = clock;
        this.tailCapacity = tailCapacity;
        this.tail = new ArrayDeque<>(Math.max(tailCapacity, 1));
        for (StoredMessage m : messages.latest(name, tailCapacity)) {
            remember(m.timestamp(), new ChatMessage(timestamps.format(m.timestamp()), m.sender(), m.text()));
        }
    }

    String name() {
        return name;
    }

    /** Adds {@code session} and gives it the room's recent history, before any later message. */
    void join(ServerSession session, java.util.function.Consumer<List<ChatMessage>> history) {
        lock.lock();
        try {
            history.accept(recentHistory());
            members.add(session);
        } finally {
            lock.unlock();
        }
    }

    void leave(ServerSession session) {
        lock.lock();
        try {
            members.remove(session);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stores {@code text} from {@code sender} and delivers it to every member. Never blocks on I/O.
     *
     * @return completes once the sender's own copy (or the error) is queued to it
     */
    CompletableFuture<Void> post(ServerSession sender, String username, String text) {
        ByteBuffer frame;
        CompletableFuture<StoredMessage> stored;
        lock.lock();
        try {
            Instant now = clock.instant();
            ChatMessage message = new ChatMessage(timestamps.format(now), username, text);
            frame = codec.encodeResponse(message);
            stored = append(new NewMessage(name, username, now, text));
            remember(now, message);
            for (ServerSession member : members) {
                if (member != sender) {
                    member.sendFrame(frame);
                }
            }
        } finally {
            lock.unlock();
        }
        return stored.handle((m, error) -> {
            if (error == null) {
                sender.sendFrame(frame);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                LOG.warn("Could not store a message in room {}: {}", name, cause.toString());
                sender.sendError("Your message reached the users online but could not be saved to the history ("
                        + cause.getMessage() + "). Try again later; tell the server operator if it persists.");
            }
            return null;
        });
    }

    private CompletableFuture<StoredMessage> append(NewMessage message) {
        try {
            return messages.append(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof StorageException ? e
                    : new StorageException("storage refused the message: " + e.getMessage(), e));
        }
    }

    private void remember(Instant time, ChatMessage message) {
        if (tailCapacity == 0) {
            return;
        }
        if (tail.size() == tailCapacity) {
            tail.removeFirst();
        }
        tail.addLast(new Entry(time, message));
    }

    private List<ChatMessage> recentHistory() {
        Instant oldest = retention.maxAge() == null ? Instant.MIN : clock.instant().minus(retention.maxAge());
        long keep = retention.maxMessages() == 0 ? Long.MAX_VALUE : retention.maxMessages();
        List<ChatMessage> out = new ArrayList<>(tail.size());
        for (Entry e : tail) {
            if (!e.time().isBefore(oldest)) {
                out.add(e.message());
            }
        }
        return out.size() > keep ? List.copyOf(out.subList((int) (out.size() - keep), out.size())) : out;
    }
}
