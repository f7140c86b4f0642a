package dev.parley.storage.mongo.internal;

import com.mongodb.WriteConcern;
import com.mongodb.connection.ClusterType;
import dev.parley.api.Durability;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * How writes are acknowledged: the {@link Durability} of the storage mapped onto MongoDB write
 * concerns, given the kind of deployment the driver found.
 *
 * <table>
 *   <caption>Durability to write concern</caption>
 *   <tr><th>durability</th><th>replica set, sharded or load-balanced</th><th>standalone</th><th>messages per insert</th></tr>
 *   <tr><td>GROUP_COMMIT</td><td>w: majority (wtimeout 10 s)</td><td>w: 1, j: true</td><td>up to 1000</td></tr>
 *   <tr><td>EVERY_WRITE</td><td>w: majority (wtimeout 10 s)</td><td>w: 1, j: true</td><td>1</td></tr>
 *   <tr><td>OS_BUFFERED</td><td>w: 1, j: false</td><td>w: 1, j: false</td><td>up to 1000</td></tr>
 * </table>
 * A majority write is journaled on the members that acknowledge it (MongoDB's default
 * {@code writeConcernMajorityJournalDefault}). A write concern given in the location
 * ({@code w}, {@code journal}, {@code wtimeoutMS}) replaces the mapping for every write.
 *
 * <p>The {@linkplain #durable() durable} concern is the mapping's GROUP_COMMIT one (or the
 * location's): id blocks are reserved with it, and with OS_BUFFERED one write with it at close
 * makes every earlier write durable too, since the journal and the oplog are in order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param writes   the write concern of every write
 * @param durable  the write concern that makes a write durable whatever the mode
 * @param maxBatch how many messages one insert may carry
 * @param summary  the policy in words, for the log
 */
public record WritePolicy(WriteConcern writes, WriteConcern durable, int maxBatch, String summary) {

    static final int MAX_BATCH = 1000;
    static final long MAJORITY_TIMEOUT_SECONDS = 10;

    public WritePolicy {
        Objects.requireNonNull(writes, "writes");
        Objects.requireNonNull(durable, "durable");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * The policy for {@code durability} on a deployment of type {@code cluster}.
     *
     * @param fromLocation the write concern the location gives, or {@code null}
     */
    public static WritePolicy of(Durability durability, ClusterType cluster, WriteConcern fromLocation) {
        int maxBatch = durability == Durability.EVERY_WRITE ? 1 : MAX_BATCH;
        if (fromLocation != null) {
            return new WritePolicy(fromLocation, fromLocation, maxBatch,
                    "write concern " + describe(fromLocation) + " from the location");
        }
        boolean majority = cluster != ClusterType.STANDALONE;
        WriteConcern durable = majority
                ? WriteConcern.MAJORITY.withWTimeout(MAJORITY_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                : WriteConcern.W1.withJournal(true);
        WriteConcern writes = durability == Durability.OS_BUFFERED ? WriteConcern.W1.withJournal(false) : durable;
        return new WritePolicy(writes, durable, maxBatch, durability + " as write concern " + describe(writes)
                + " on a " + cluster.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " deployment");
    }

    /** Whether a write with {@link #durable()} is needed at close to make earlier writes durable. */
    public boolean needsBarrierAtClose() {
        return !writes.equals(durable);
    }

    static String describe(WriteConcern concern) {
        return concern.asDocument().toJson();
    }
}
