package dev.parley.storage.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.WriteConcern;
import com.mongodb.connection.ClusterType;
import dev.parley.api.Durability;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WritePolicyTest {

    private static final WriteConcern MAJORITY = WriteConcern.MAJORITY.withWTimeout(10, TimeUnit.SECONDS);
    private static final WriteConcern JOURNALED = WriteConcern.W1.withJournal(true);

    @Test
    void aReplicaSetAcknowledgesByMajority() {
        for (ClusterType cluster : new ClusterType[] {ClusterType.REPLICA_SET, ClusterType.SHARDED,
                ClusterType.LOAD_BALANCED}) {
            WritePolicy group = WritePolicy.of(Durability.GROUP_COMMIT, cluster, null);
            assertThat(group.writes()).isEqualTo(MAJORITY);
            assertThat(group.maxBatch()).isEqualTo(WritePolicy.MAX_BATCH);
            assertThat(group.needsBarrierAtClose()).isFalse();
            WritePolicy every = WritePolicy.of(Durability.EVERY_WRITE, cluster, null);
            assertThat(every.writes()).isEqualTo(MAJORITY);
            assertThat(every.maxBatch()).isEqualTo(1);
        }
    }

    @Test
    void aStandaloneServerAcknowledgesOnceJournaled() {
        WritePolicy group = WritePolicy.of(Durability.GROUP_COMMIT, ClusterType.STANDALONE, null);
        assertThat(group.writes()).isEqualTo(JOURNALED);
        assertThat(group.summary()).contains("GROUP_COMMIT").contains("\"j\": true").contains("standalone");
        assertThat(WritePolicy.of(Durability.EVERY_WRITE, ClusterType.STANDALONE, null).writes()).isEqualTo(JOURNALED);
    }

    @Test
    void osBufferedSkipsTheJournalAndMakesItDurableAtClose() {
        for (ClusterType cluster : new ClusterType[] {ClusterType.STANDALONE, ClusterType.REPLICA_SET}) {
            WritePolicy buffered = WritePolicy.of(Durability.OS_BUFFERED, cluster, null);
            assertThat(buffered.writes()).isEqualTo(WriteConcern.W1.withJournal(false));
            assertThat(buffered.durable()).isEqualTo(cluster == ClusterType.STANDALONE ? JOURNALED : MAJORITY);
            assertThat(buffered.needsBarrierAtClose()).isTrue();
        }
    }

    @Test
    void aWriteConcernInTheLocationWins() {
        WriteConcern given = new WriteConcern(2).withJournal(true);
        WritePolicy policy = WritePolicy.of(Durability.OS_BUFFERED, ClusterType.REPLICA_SET, given);
        assertThat(policy.writes()).isEqualTo(given);
        assertThat(policy.durable()).isEqualTo(given);
        assertThat(policy.summary()).contains("from the location");
        assertThat(WritePolicy.of(Durability.EVERY_WRITE, ClusterType.STANDALONE, given).maxBatch()).isEqualTo(1);
    }
}
