package dev.parley.storage.mongo.internal;

import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.util.concurrent.CompletableFuture;

/**
 * An append waiting for the writer thread: the message and the future to complete.
 * {@link #STOP}, queued by close after the last append, tells the writer to finish.
 */
record Pending(NewMessage message, CompletableFuture<StoredMessage> future) {

    static final Pending STOP = new Pending(null, null);
}
