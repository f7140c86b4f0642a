package dev.parley.tck;

import static dev.parley.tck.StorageSuiteSupport.NAMES;
import static dev.parley.tck.StorageSuiteSupport.T0;
import static dev.parley.tck.StorageSuiteSupport.TEXTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.spi.OfflineMessage;
import dev.parley.spi.OfflineQueue;
import dev.parley.spi.Storage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OfflineQueue}, run by {@link StorageConformanceTest} for every backend:
 * ids are positive and increase in call order (never reused, also after removal and reopen),
 * pending is oldest first per exact recipient, removal is per recipient up to an id, and the
 * deliver-then-remove cycle gives each message exactly once, also across a reopen.
 */
abstract class OfflineQueueContract extends RepositoryContract {

    @Test
    void enqueueReturnsWhatWasStoredWithPositiveIncreasingIds() {
        OfflineQueue offline = open().offline();
        long previous = 0;
        for (int i = 0; i < 20; i++) {
            String recipient = i % 3 == 0 ? "bob" : "ann";
            OfflineMessage m = offline.enqueue(recipient, "carol", T0.plusMillis(i), "pm", "m" + i);
            assertThat(m.id()).isPositive().isGreaterThan(previous);
            assertThat(normalize(List.of(m))).containsExactlyElementsOf(normalize(List.of(
                    new OfflineMessage(m.id(), recipient, "carol", T0.plusMillis(i), "pm", "m" + i))));
            previous = m.id();
        }
    }

    @Test
    void pendingIsOldestFirstPerRecipientAndLimited() {
        OfflineQueue offline = open().offline();
        List<OfflineMessage> ann = new ArrayList<>();
        List<OfflineMessage> bob = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Timestamps run backwards: order is by id, not by time.
            OfflineMessage m = offline.enqueue(i % 3 == 0 ? "bob" : "ann", "carol", T0.minusSeconds(i), "pm", "m" + i);
            (i % 3 == 0 ? bob : ann).add(m);
        }
        assertThat(normalize(offline.pending("ann", 100))).isEqualTo(normalize(ann));
        assertThat(normalize(offline.pending("ann", 3))).isEqualTo(normalize(ann.subList(0, 3)));
        assertThat(normalize(offline.pending("bob", 100))).isEqualTo(normalize(bob));
        assertThat(offline.pending("carol", 100)).isEmpty();
    }

    @Test
    void pendingWithLimitZeroIsEmptyAndANegativeLimitIsRefused() {
        OfflineQueue offline = open().offline();
        offline.enqueue("ann", "bob", T0, "pm", "hi");
        assertThat(offline.pending("ann", 0)).isEmpty();
        assertThatThrownBy(() -> offline.pending("ann", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(offline.pending("ann", 1)).hasSize(1);
    }

    @Test
    void recipientsAreMatchedExactly() {
        OfflineQueue offline = open().offline();
        offline.enqueue("Ann", "bob", T0, "pm", "for Ann");
        offline.enqueue("ann", "bob", T0, "pm", "for ann");
        assertThat(offline.pending("Ann", 10)).extracting(OfflineMessage::body).containsExactly("for Ann");
        assertThat(offline.pending("ann", 10)).extracting(OfflineMessage::body).containsExactly("for ann");
        assertThat(offline.pending("ANN", 10)).isEmpty();
        assertThat(offline.remove("ANN", Long.MAX_VALUE)).isZero();
        assertThat(offline.remove("ann", Long.MAX_VALUE)).isEqualTo(1);
        assertThat(offline.pending("Ann", 10)).hasSize(1);
    }

    @Test
    void removeTakesOneRecipientsMessagesUpToAnIdInclusive() {
        OfflineQueue offline = open().offline();
        List<OfflineMessage> ann = new ArrayList<>();
        List<OfflineMessage> bob = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            (i % 2 == 0 ? ann : bob).add(offline.enqueue(i % 2 == 0 ? "ann" : "bob", "carol", T0, "pm", "m" + i));
        }
        assertThat(offline.remove("ann", ann.get(1).id())).isEqualTo(2);
        assertThat(ids(offline.pending("ann", 10))).containsExactly(ann.get(2).id());
        assertThat(ids(offline.pending("bob", 10))).isEqualTo(ids(bob));
        assertThat(offline.remove("ann", ann.get(1).id())).isZero();
        assertThat(offline.remove("ann", bob.get(1).id())).as("ann has nothing up to bob's id").isZero();
        assertThat(offline.remove("carol", Long.MAX_VALUE)).isZero();
        assertThat(offline.remove("bob", Long.MAX_VALUE)).isEqualTo(3);
        assertThat(offline.pending("bob", 10)).isEmpty();
        assertThat(ids(offline.pending("ann", 10))).containsExactly(ann.get(2).id());
    }

    @Test
    void deliverThenRemoveGivesEachMessageExactlyOnceAlsoAcrossReopen() {
        Storage storage = open();
        List<OfflineMessage> sent = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            sent.add(storage.offline().enqueue("ann", "bob", T0, "pm", "m" + i));
        }
        List<OfflineMessage> delivered = new ArrayList<>();
        // The engine's login: deliver a page, then remove it; a restart mid-way loses nothing.
        for (int round = 0; ; round++) {
            List<OfflineMessage> page = storage.offline().pending("ann", 3);
            if (page.isEmpty()) {
                break;
            }
            delivered.addAll(page);
            assertThat(storage.offline().remove("ann", page.getLast().id())).isEqualTo(page.size());
            if (round == 0) {
                storage = reopen(storage);
            }
        }
        assertThat(ids(delivered)).isEqualTo(ids(sent));
        storage = reopen(storage);
        assertThat(storage.offline().pending("ann", 100)).isEmpty();
        assertThat(storage.offline().remove("ann", Long.MAX_VALUE)).isZero();
    }

    @Test
    void idsAreNotReusedAfterRemovalAndReopen() {
        Storage storage = open();
        long last = 0;
        for (int i = 0; i < 3; i++) {
            last = storage.offline().enqueue("ann", "bob", T0, "pm", "m" + i).id();
        }
        storage.offline().remove("ann", last);
        long next = storage.offline().enqueue("bob", "ann", T0, "pm", "after removal").id();
        assertThat(next).isGreaterThan(last);
        storage.offline().remove("bob", next);
        storage = reopen(storage);
        assertThat(storage.offline().enqueue("ann", "bob", T0, "pm", "after reopen").id()).isGreaterThan(next);
    }

    @Test
    void messagesSurviveCloseAndReopenExactly() {
        Storage storage = open();
        List<OfflineMessage> sent = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String kind = i % 2 == 0 ? "pm" : "invite";
            sent.add(storage.offline().enqueue("Zoë 😀", NAMES.get(i % NAMES.size()), T0.plusNanos(i * 1_001_001L),
                    kind, TEXTS.get(i)));
        }
        OfflineMessage other = storage.offline().enqueue("ann", "", T0, "", "");
        OfflineQueue again = reopen(storage).offline();
        List<OfflineMessage> reopened = again.pending("Zoë 😀", 100);
        assertThat(normalize(reopened)).isEqualTo(normalize(sent));
        assertThat(reopened.getLast().body()).hasSize(45_000);
        assertThat(normalize(again.pending("ann", 100))).isEqualTo(normalize(List.of(other)));
    }

    @Test
    void concurrentEnqueuesGetUniqueIdsInEachThreadsOrder() {
        OfflineQueue offline = open().offline();
        int perThread = 25;
        List<List<Long>> byThread = concurrently(8, t -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                ids.add(offline.enqueue("ann", "t" + t, T0, "pm", t + "-" + i).id());
            }
            return ids;
        });
        Set<Long> all = new HashSet<>();
        for (List<Long> ids : byThread) {
            assertThat(ids).isSorted();
            all.addAll(ids);
        }
        assertThat(all).hasSize(8 * perThread);
        List<OfflineMessage> pending = offline.pending("ann", 1000);
        assertThat(ids(pending)).hasSize(8 * perThread).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyMethodFailsWithStorageExceptionAfterClose() {
        Storage storage = open();
        OfflineQueue offline = storage.offline();
        offline.enqueue("ann", "bob", T0, "pm", "hi");
        storage.close();
        assertEachFailsWithStorageException(
                () -> offline.enqueue("ann", "bob", T0, "pm", "after close"),
                () -> offline.pending("ann", 10),
                () -> offline.remove("ann", Long.MAX_VALUE));
    }

    private static List<Long> ids(List<OfflineMessage> messages) {
        return messages.stream().map(OfflineMessage::id).toList();
    }

    private List<OfflineMessage> normalize(List<OfflineMessage> messages) {
        return messages.stream().map(m -> new OfflineMessage(m.id(), m.recipient(), m.sender(),
                fixture().normalize(m.timestamp()), m.kind(), m.body())).toList();
    }
}
