package dev.parley.tck;

import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers of {@link StorageConformanceTest}. Stateless and thread-safe. */
final class StorageSuiteSupport {

    private StorageSuiteSupport() {
    }

    /**
     * Appends, and counts in {@code outOfOrder} if the future completes while {@code previous}
     * (the same thread's previous append) has not: a callback attached before completion runs
     * in the completing thread, so it sees the order in which futures complete.
     */
    static CompletableFuture<StoredMessage> appendChecked(MessageRepository messages, NewMessage message,
                                                          CompletableFuture<StoredMessage> previous,
                                                          AtomicInteger outOfOrder) {
        CompletableFuture<StoredMessage> future = messages.append(message);
        if (previous != null) {
            future.whenComplete((m, e) -> {
                if (!previous.isDone()) {
                    outOfOrder.incrementAndGet();
                }
            });
        }
        return future;
    }

    static List<Long> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::id).toList();
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
