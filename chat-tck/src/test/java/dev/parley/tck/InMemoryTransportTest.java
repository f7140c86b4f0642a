package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.SlowConsumerException;
import dev.parley.api.TransportConfig;
import dev.parley.spi.Connection;
import dev.parley.spi.Transport;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final InMemoryTransport transport = new InMemoryTransport();

    @Test
    void pausedReadingHoldsBytesBackUntilResumed() {
        RecordingInitializer server = new RecordingInitializer();
        try (Transport listener = transport.bind(ANY_PORT, TransportConfig.DEFAULT, server)) {
            RecordingInitializer clientSide = new RecordingInitializer();
            Connection client = transport.connect(listener.localAddress(), TransportConfig.DEFAULT, clientSide);
            RecordingHandler accepted = server.awaitPeerOf(client, TIMEOUT);
            RecordingHandler received = clientSide.awaitHandlerOf(client, TIMEOUT);
            InMemoryTransport.pauseReading(client);

            accepted.connection().send(ByteBuffer.wrap(new byte[1000]));

            assertThat(accepted.connection().pendingBytes()).isEqualTo(1000);
            assertThat(received.received()).isEmpty();
            InMemoryTransport.resumeReading(client);
            received.awaitBytes(1000, TIMEOUT);
            client.close();
        }
    }

    @Test
    void aPausedReaderMakesItsPeerASlowConsumerOnceTheQueueIsFull() {
        RecordingInitializer server = new RecordingInitializer();
        TransportConfig small = TransportConfig.DEFAULT.withMaxOutboundBytes(4096);
        try (Transport listener = transport.bind(ANY_PORT, small, server)) {
            RecordingInitializer clientSide = new RecordingInitializer();
            Connection client = transport.connect(listener.localAddress(), TransportConfig.DEFAULT, clientSide);
            RecordingHandler accepted = server.awaitPeerOf(client, TIMEOUT);
            InMemoryTransport.pauseReading(client);

            assertThat(accepted.connection().send(ByteBuffer.allocate(4096))).isTrue();
            assertThat(accepted.connection().send(ByteBuffer.allocate(1))).isFalse();

            assertThat(accepted.awaitClosed(TIMEOUT)).isInstanceOf(SlowConsumerException.class)
                    .hasMessageContaining("4096").hasMessageContaining("maxOutboundBytes");
            assertThat(clientSide.awaitHandlerOf(client, TIMEOUT).awaitClosed(TIMEOUT))
                    .hasMessageContaining("reset");
        }
    }

    @Test
    void bytesArriveInPiecesNoLargerThanTheReadersBuffer() {
        AtomicInteger largest = new AtomicInteger();
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c)
                .onBytesDo((conn, bytes) -> largest.accumulateAndGet(bytes.remaining(), Math::max)));
        TransportConfig smallReads = TransportConfig.DEFAULT.withReadBufferBytes(256);
        try (Transport listener = transport.bind(ANY_PORT, smallReads, server)) {
            Connection client = transport.connect(listener.localAddress(), TransportConfig.DEFAULT,
                    RecordingHandler::new);

            client.send(ByteBuffer.wrap(Payloads.random(10_000, 1)));

            assertThat(server.awaitPeerOf(client, TIMEOUT).awaitBytes(10_000, TIMEOUT))
                    .isEqualTo(Payloads.random(10_000, 1));
            assertThat(largest.get()).isEqualTo(256);
            client.close();
        }
    }

    @Test
    void refusesConnectionsThatDoNotComeFromIt() {
        assertThatThrownBy(() -> InMemoryTransport.pauseReading(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("InMemoryTransport");
    }

    @Test
    void isNamedMemory() {
        assertThat(transport.name()).isEqualTo("memory");
    }
}
