package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.api.SlowConsumerException;
import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.Transport;
import dev.parley.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conformance suite every {@link TransportProvider} passes unchanged: a subclass in the
 * provider's module supplies {@link #provider()}, as Netty's {@code EpollSocketEchoTest extends
 * SocketEchoTest} does.
 *
 * <p>Everything runs on {@code 127.0.0.1} port 0. Tests await events with
 * {@link RecordingHandler} and never sleep; the whole suite takes a few seconds. After each test
 * {@link AbstractTransportTest} closes everything and checks the handler contract.
 *
 * <p>Hooks beyond {@link #provider()}: {@link #config()}, and {@link #shutdownOutput} for the
 * half-close test, which the SPI cannot express.
 */
@Timeout(30)
public abstract class TransportConformanceTest extends AbstractTransportTest {

    @Test
    void bindingPortZeroReportsTheRealPort() {
        Transport transport = bind(config(), new RecordingInitializer());

        assertThat(transport.localAddress().getPort()).isPositive();
        assertThat(transport.localAddress().getAddress()).isEqualTo(ANY_LOOPBACK_PORT.getAddress());
        assertThat(connect(transport, RecordingHandler::new).connection().remoteAddress())
                .isEqualTo(transport.localAddress());
    }

    @Test
    void deliversBytesBothWaysIntactAndInOrder() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, RecordingHandler::new);
        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            String toServer = "up-" + i + "\n";
            String toClient = "down-" + i + "\n";
            up.append(toServer);
            down.append(toClient);
            assertThat(client.connection().send(ascii(toServer))).isTrue();
            assertThat(accepted.connection().send(ascii(toClient))).isTrue();
        }

        assertThat(text(accepted.awaitBytes(up.length(), TIMEOUT))).isEqualTo(up.toString());
        assertThat(text(client.awaitBytes(down.length(), TIMEOUT))).isEqualTo(down.toString());
    }

    @Test
    void deliversAMegabyteSentInManySmallPieces() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, RecordingHandler::new);
        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        byte[] up = Payloads.random(1 << 20, 1);
        byte[] down = Payloads.random(1 << 20, 2);

        Payloads.sendInPieces(client.connection(), up, 1000);
        Payloads.sendInPieces(accepted.connection(), down, 777);

        assertThat(accepted.awaitBytes(up.length, TIMEOUT)).isEqualTo(up);
        assertThat(client.awaitBytes(down.length, TIMEOUT)).isEqualTo(down);
    }

    @Test
    void deliversAMegabyteSentInOneSend() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, RecordingHandler::new);
        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        byte[] up = Payloads.random(1 << 20, 3);
        byte[] down = Payloads.random(1 << 20, 4);

        assertThat(client.connection().send(ByteBuffer.wrap(up))).isTrue();
        assertThat(accepted.connection().send(ByteBuffer.wrap(down))).isTrue();

        assertThat(accepted.awaitBytes(up.length, TIMEOUT)).isEqualTo(up);
        assertThat(client.awaitBytes(down.length, TIMEOUT)).isEqualTo(down);
    }

    @Test
    void deliversBytesSentTheMomentAConnectionOpens() {
        RecordingInitializer server = new RecordingInitializer(c -> {
            c.send(ascii("welcome"));
            return new RecordingHandler(c);
        });
        Transport transport = bind(config(), server);
        for (int i = 0; i < 20; i++) {
            RecordingHandler client = connect(transport, c -> {
                c.send(ascii("hello"));
                return new RecordingHandler(c);
            });

            assertThat(text(client.awaitBytes(7, TIMEOUT))).isEqualTo("welcome");
            assertThat(text(server.awaitPeerOf(client.connection(), TIMEOUT).awaitBytes(5, TIMEOUT))).isEqualTo("hello");
        }
    }

    @Test
    void callsTheHandlerOneEventAtATimeAndOnClosedOnceAndLast() throws InterruptedException {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).closingOnInputClosed());
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, RecordingHandler::new);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 500; i++) {
                    client.connection().send(ByteBuffer.allocate(100));
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        accepted.awaitBytes(4 * 500 * 100, TIMEOUT);

        client.connection().close();

        assertThat(accepted.awaitClosed(TIMEOUT)).isNull();
        assertThat(accepted.events()).containsExactly("bytes", "inputClosed", "closed");
        assertThat(client.awaitClosed(TIMEOUT)).isNull();
        assertThat(client.events()).containsExactly("closed");
        assertThat(accepted.violations()).isEmpty();
        assertThat(client.violations()).isEmpty();
    }

    @Test
    void reportsLocalAndRemoteAddresses() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        Connection client = connect(transport, RecordingHandler::new).connection();
        Connection accepted = server.awaitPeerOf(client, TIMEOUT).connection();

        assertThat(client.remoteAddress()).isEqualTo(transport.localAddress());
        assertThat(accepted.localAddress()).isEqualTo(transport.localAddress());
        assertThat(client.localAddress().getAddress()).isEqualTo(ANY_LOOPBACK_PORT.getAddress());
        assertThat(client.localAddress().getPort()).isPositive().isNotEqualTo(transport.localAddress().getPort());
        assertThat(accepted.remoteAddress()).isEqualTo(client.localAddress());
    }

    @Test
    void closingOnePeerBringsInputClosedAndThenOnClosedToTheOther() {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).closingOnInputClosed());
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, RecordingHandler::new);
        client.connection().send(ascii("bye"));

        client.connection().close();

        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        assertThat(accepted.awaitClosed(TIMEOUT)).isNull();
        assertThat(text(accepted.received())).isEqualTo("bye");
        assertThat(accepted.events()).containsExactly("bytes", "inputClosed", "closed");
        assertThat(client.awaitClosed(TIMEOUT)).isNull();
    }

    @Test
    void aHalfClosedConnectionCanStillSendItsReply() {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).onInputClosedDo(conn -> {
            conn.send(ascii("answer"));
            conn.close();
        }));
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, c -> new RecordingHandler(c).closingOnInputClosed());
        client.connection().send(ascii("question"));

        shutdownOutput(client.connection());

        assertThat(text(client.awaitBytes(6, TIMEOUT))).isEqualTo("answer");
        client.awaitInputClosed(TIMEOUT);
        RecordingHandler accepted = server.awaitPeerOf(client.connection(), TIMEOUT);
        assertThat(text(accepted.received())).isEqualTo("question");
        assertThat(accepted.awaitClosed(TIMEOUT)).isNull();
        assertThat(client.awaitClosed(TIMEOUT)).isNull();
    }

    @Test
    void closeDeliversWhatWasSentBeforeIt() {
        byte[] down = Payloads.random(1 << 20, 5);
        Transport closingServer = bind(config(), new RecordingInitializer(c -> {
            Payloads.sendInPieces(c, down, 64 << 10);
            c.close();
            return new RecordingHandler(c);
        }));
        RecordingInitializer server = new RecordingInitializer();
        Transport readingServer = bind(config(), server);
        RecordingHandler client = connect(closingServer, c -> new RecordingHandler(c).closingOnInputClosed());
        RecordingHandler sender = connect(readingServer, RecordingHandler::new);
        byte[] up = Payloads.random(1 << 20, 6);

        Payloads.sendInPieces(sender.connection(), up, 64 << 10);
        sender.connection().close();

        assertThat(client.awaitBytes(down.length, TIMEOUT)).isEqualTo(down);
        client.awaitInputClosed(TIMEOUT);
        RecordingHandler receiver = server.awaitPeerOf(sender.connection(), TIMEOUT);
        receiver.awaitInputClosed(TIMEOUT);
        assertThat(receiver.received()).isEqualTo(up);
    }

    @Test
    void closeIsIdempotentAndSendAfterCloseReturnsFalse() {
        Transport transport = bind(config(), new RecordingInitializer(c -> new RecordingHandler(c).closingOnInputClosed()));
        RecordingHandler client = connect(transport, RecordingHandler::new);
        Connection connection = client.connection();
        assertThat(connection.isOpen()).isTrue();

        connection.close();
        connection.close();
        connection.close();

        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.send(ascii("too late"))).isFalse();
        assertThat(client.awaitClosed(TIMEOUT)).isNull();
        connection.close();
        assertThat(client.events()).containsExactly("closed");
    }

    @Test
    void anInitializerCanRefuseAConnection() {
        RecordingInitializer server = new RecordingInitializer(c -> {
            c.close();
            return new RecordingHandler(c);
        });
        Transport transport = bind(config(), server);
        RecordingHandler client = connect(transport, c -> new RecordingHandler(c).closingOnInputClosed());

        client.awaitInputClosed(TIMEOUT);
        assertThat(server.awaitPeerOf(client.connection(), TIMEOUT).awaitClosed(TIMEOUT)).isNull();
        assertThat(client.awaitClosed(TIMEOUT)).isNull();
    }

    @Test
    void disconnectsASlowConsumerWithoutHoldingUpTheSenderOrOthers() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config().withMaxOutboundBytes(64 << 10), server);
        CountDownLatch gate = gate();
        RecordingHandler slow = connect(transport, c -> new RecordingHandler(c).onBytesDo((conn, b) -> await(gate)));
        RecordingHandler fast = connect(transport, RecordingHandler::new);
        RecordingHandler toSlow = server.awaitPeerOf(slow.connection(), TIMEOUT);
        Connection toFast = server.awaitPeerOf(fast.connection(), TIMEOUT).connection();
        ByteBuffer chunk = ByteBuffer.wrap(Payloads.random(16 << 10, 7));

        int[] fastBytes = {0};
        boolean lastSend = assertTimeoutPreemptively(TIMEOUT, () -> {
            for (int i = 0; i < 100_000; i++) {
                if (!toSlow.connection().send(chunk)) {
                    return false;
                }
                if (i % 64 == 0 && toFast.send(ascii("tick\n"))) {
                    fastBytes[0] += 5;
                }
            }
            return true;
        }, "send must never block, even when the peer does not read");

        assertThat(lastSend).as("a send eventually fails because the queue is full").isFalse();
        assertThat(toSlow.awaitClosed(TIMEOUT)).isInstanceOf(SlowConsumerException.class);
        assertThat(toSlow.connection().send(chunk)).isFalse();
        assertThat(toSlow.connection().isOpen()).isFalse();
        assertThat(chunk.position()).isZero();
        assertThat(toFast.send(ascii("still here"))).isTrue();
        assertThat(text(fast.awaitBytes(fastBytes[0] + 10, TIMEOUT))).endsWith("tick\nstill here");
    }

    @Test
    void outputThatMakesNoProgressWithinTheWriteTimeoutMakesASlowConsumer() {
        RecordingInitializer server = new RecordingInitializer();
        TransportConfig patient = config().withMaxOutboundBytes(256 << 20).withWriteTimeout(Duration.ofMillis(300));
        Transport transport = bind(patient, server);
        CountDownLatch gate = gate();
        RecordingHandler slow = connect(transport, c -> new RecordingHandler(c).onBytesDo((conn, b) -> await(gate)));
        RecordingHandler toSlow = server.awaitPeerOf(slow.connection(), TIMEOUT);
        ByteBuffer chunk = ByteBuffer.wrap(Payloads.random(16 << 10, 8));

        for (int i = 0; i < 8192 && toSlow.connection().send(chunk); i++) {
            assertThat(toSlow.connection().pendingBytes()).isLessThanOrEqualTo(patient.maxOutboundBytes());
        }

        assertThat(toSlow.awaitClosed(TIMEOUT)).isInstanceOf(SlowConsumerException.class);
        assertThat(toSlow.connection().isOpen()).isFalse();
    }

    @Test
    void servesManyConnectionsAtOnce() {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).echoing());
        Transport transport = bind(config(), server);
        List<RecordingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clients.add(connect(transport, RecordingHandler::new));
        }
        for (int i = 0; i < clients.size(); i++) {
            clients.get(i).connection().send(ByteBuffer.wrap(Payloads.random(1024, 100 + i)));
        }

        for (int i = 0; i < clients.size(); i++) {
            assertThat(clients.get(i).awaitBytes(1024, TIMEOUT)).isEqualTo(Payloads.random(1024, 100 + i));
        }
        assertThat(transport.connectionCount()).isEqualTo(200);
    }

    @Test
    void closingTheTransportClosesItsConnectionsAndStopsListening() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        List<RecordingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(connect(transport, c -> new RecordingHandler(c).closingOnInputClosed()));
            server.awaitPeerOf(clients.getLast().connection(), TIMEOUT);
        }

        transport.close();

        assertThat(server.handlers()).hasSize(3).allSatisfy(h -> assertThat(h.isClosed()).isTrue());
        assertThat(transport.connectionCount()).isZero();
        for (RecordingHandler client : clients) {
            client.awaitInputClosed(TIMEOUT);
            assertThat(client.awaitClosed(TIMEOUT)).isNull();
        }
        assertThatThrownBy(() -> provider().connect(transport.localAddress(), config(), new RecordingInitializer()))
                .isInstanceOf(TransportException.class);
        transport.close();
    }

    @Test
    void connectingWhereNobodyListensFailsNamingTheAddress() {
        Transport transport = bind(config(), new RecordingInitializer());
        InetSocketAddress address = transport.localAddress();
        transport.close();

        assertThatThrownBy(() -> provider().connect(address, config(), new RecordingInitializer()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + address.getPort());
    }

    @Test
    void connectionCountTracksOpenConnections() {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).closingOnInputClosed());
        Transport transport = bind(config(), server);
        assertThat(transport.connectionCount()).isZero();
        List<Connection> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(connect(transport, RecordingHandler::new).connection());
            server.awaitPeerOf(clients.getLast(), TIMEOUT);
        }
        assertThat(transport.connectionCount()).isEqualTo(3);

        clients.getFirst().close();

        server.awaitPeerOf(clients.getFirst(), TIMEOUT).awaitClosed(TIMEOUT);
        assertThat(transport.connectionCount()).isEqualTo(2);
    }

    @Test
    void bindingABusyAddressFailsNamingItAndSuggestingAnotherPort() {
        Transport transport = bind(config(), new RecordingInitializer());
        InetSocketAddress busy = transport.localAddress();

        assertThatThrownBy(() -> bind(config(), new RecordingInitializer(), busy))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + busy.getPort())
                .hasMessageContaining("another");
    }

    @Test
    void closingTheTransportTwiceIsHarmless() {
        Transport transport = bind(config(), new RecordingInitializer());

        transport.close();
        transport.close();

        assertThat(transport.connectionCount()).isZero();
    }

    @Test
    void oneBufferCanBeSentToManyConnections() {
        RecordingInitializer server = new RecordingInitializer();
        Transport transport = bind(config(), server);
        List<RecordingHandler> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clients.add(connect(transport, RecordingHandler::new));
        }
        ByteBuffer shared = ascii("to everyone");

        for (RecordingHandler client : clients) {
            assertThat(server.awaitPeerOf(client.connection(), TIMEOUT).connection().send(shared)).isTrue();
        }

        assertThat(shared.position()).isZero();
        for (RecordingHandler client : clients) {
            assertThat(text(client.awaitBytes(11, TIMEOUT))).isEqualTo("to everyone");
        }
    }
}
