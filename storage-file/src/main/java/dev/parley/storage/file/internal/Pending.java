package dev.parley.storage.file.internal;

import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for the writer: its id, the message, its encoded payload without the id, and
 * the future to complete once it is durable. Immutable; the future is thread-safe.
 */
record Pending(long id, NewMessage message, byte[] body, CompletableFuture<StoredMessage> future) {

    /** Queued by {@code close()} after the last append: the writer finishes the batch and stops. */
    static final Pending STOP = new Pending(0, null, new byte[0], null);

    StoredMessage stored() {
        return new StoredMessage(id, message.room(), message.sender(), message.timestamp(), message.text());
    }
}
