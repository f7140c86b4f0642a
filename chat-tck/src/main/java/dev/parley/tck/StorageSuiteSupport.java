package dev.parley.tck;

import dev.parley.spi.MessageRepository;
import dev.parley.spi.NewMessage;
import dev.parley.spi.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers and sample data of {@link StorageConformanceTest} and its contracts. Stateless and thread-safe. */
final class StorageSuiteSupport {

    /** The text the suite uses for "long": 45,000 characters, 60,000 bytes in UTF-8. */
    static final String LONG_TEXT = "x".repeat(30_000) + "ü".repeat(15_000);

    /**
     * Texts with the edge cases every free-text field must round-trip exactly: empty, blank,
     * line breaks and tabs, quotes and JSON, non-Latin scripts, emoji (surrogate pairs, joiners),
     * and {@link #LONG_TEXT}.
     */
    static final List<String> TEXTS = List.of(
            "",
            " ",
            "plain",
            "line one\nline two\r\nline three\ttabbed",
            "quotes \" ' ` \\ and {\"json\": [1, 2]} and SQL '); --",
            "unicode: ÆØÅ 日本語 עברית zoë",
            "emoji: 😀👍🏽👨‍👩‍👧 and a flag 🇳🇴",
            LONG_TEXT);

    /**
     * Names with the edge cases every name or key must round-trip exactly: spaces, quotes,
     * non-Latin scripts and emoji, up to 100 characters.
     */
    static final List<String> NAMES = List.of(
            "ann", "Zoë", "日本語", "😀 émoji", "o'brien \"quoted\"", "with space", "n".repeat(100));

    /**
     * A timestamp whose digits below each unit are under 5, so a backend that rounds to its
     * precision and one that truncates store the same value.
     */
    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123412341Z");

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
