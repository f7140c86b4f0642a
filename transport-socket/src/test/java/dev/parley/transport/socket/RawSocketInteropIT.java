package dev.parley.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.SlowConsumerException;
import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.Transport;
import dev.parley.tck.RecordingHandler;
import dev.parley.tck.RecordingInitializer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket transport against plain {@link java.net} sockets, and failures only real sockets show. */
@Timeout(20)
class RawSocketInteropIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final SocketTransportProvider provider = new SocketTransportProvider();

    @Test
    void echoesToAPlainSocketClient() throws IOException {
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT,
                new RecordingInitializer(c -> new RecordingHandler(c).echoing().closingOnInputClosed()));
             Socket client = new Socket(transport.localAddress().getAddress(), transport.localAddress().getPort())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());

            client.getOutputStream().write(ascii("hello\n"));
            client.shutdownOutput();

            assertThat(text(client.getInputStream().readAllBytes())).isEqualTo("hello\n");
        }
    }

    @Test
    void repliesToAPlainClientThatHalfClosed() throws IOException {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).onInputClosedDo(conn -> {
            conn.send(ByteBuffer.wrap(ascii("answer")));
            conn.close();
        }));
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, server);
             Socket client = new Socket(transport.localAddress().getAddress(), transport.localAddress().getPort())) {
            client.setSoTimeout((int) TIMEOUT.toMillis());

            client.getOutputStream().write(ascii("question"));
            client.shutdownOutput();

            assertThat(text(client.getInputStream().readAllBytes())).isEqualTo("answer");
            RecordingHandler accepted = server.handlers().getFirst();
            assertThat(accepted.awaitClosed(TIMEOUT)).isNull();
            assertThat(text(accepted.received())).isEqualTo("question");
        }
    }

    @Test
    void connectsToAPlainServerThatSpeaksFirst() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, ANY_PORT.getAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write(ascii("banner\n"));
                    byte[] reply = s.getInputStream().readNBytes(3);
                    s.getOutputStream().write(reply);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            RecordingInitializer init = new RecordingInitializer(c -> new RecordingHandler(c).closingOnInputClosed());
            Connection connection = provider.connect(new InetSocketAddress(ANY_PORT.getAddress(), plain.getLocalPort()),
                    TransportConfig.DEFAULT, init);
            RecordingHandler handler = init.awaitHandlerOf(connection, TIMEOUT);

            assertThat(text(handler.awaitBytes(7, TIMEOUT))).isEqualTo("banner\n");
            connection.send(ByteBuffer.wrap(ascii("hey")));
            assertThat(text(handler.awaitBytes(10, TIMEOUT))).isEqualTo("banner\nhey");
            handler.awaitInputClosed(TIMEOUT);
            assertThat(handler.awaitClosed(TIMEOUT)).isNull();
            peer.join();
        }
    }

    @Test
    void aPeerThatResetsTheConnectionClosesItWithATransportException() throws IOException {
        RecordingInitializer server = new RecordingInitializer();
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, server)) {
            Socket client = new Socket(transport.localAddress().getAddress(), transport.localAddress().getPort());
            client.getOutputStream().write(ascii("x"));
            RecordingHandler accepted = server.awaitPeerOf(new Peer(client), TIMEOUT);
            accepted.awaitBytes(1, TIMEOUT);

            client.setSoLinger(true, 0);
            client.close();

            Throwable cause = accepted.awaitClosed(TIMEOUT);
            assertThat(cause).isInstanceOf(TransportException.class).isNotInstanceOf(SlowConsumerException.class)
                    .hasMessageContaining("127.0.0.1:" + client.getLocalPort())
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void aHandlerThatThrowsClosesItsConnectionWithThatException() throws IOException {
        IllegalStateException boom = new IllegalStateException("handler bug");
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).onBytesDo((conn, b) -> {
            throw boom;
        }));
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, server);
             Socket client = new Socket(transport.localAddress().getAddress(), transport.localAddress().getPort())) {
            client.getOutputStream().write(ascii("x"));

            assertThat(server.awaitPeerOf(new Peer(client), TIMEOUT).awaitClosed(TIMEOUT)).isSameAs(boom);
            assertThat(transport.connectionCount()).isZero();
        }
    }

    @Test
    void aConnectThatGetsNoAnswerFailsAfterTheConnectTimeout() throws IOException {
        // A listener that never accepts and has a backlog of one: once its queue is full, the
        // kernel drops further handshakes, so a connect waits until it times out.
        try (ServerSocket full = new ServerSocket(0, 1, ANY_PORT.getAddress())) {
            InetSocketAddress address = new InetSocketAddress(ANY_PORT.getAddress(), full.getLocalPort());
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(address, 200);
                    } catch (IOException queueFull) {
                        break;
                    }
                }
                TransportConfig impatient = TransportConfig.DEFAULT.withConnectTimeout(Duration.ofMillis(300));

                assertThatThrownBy(() -> provider.connect(address, impatient, new RecordingInitializer()))
                        .isInstanceOf(TransportException.class)
                        .hasMessageContaining("could not connect to 127.0.0.1:" + address.getPort() + " within 300 ms");
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRefusedConnectSaysWhatToCheck() {
        InetSocketAddress nobody;
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, new RecordingInitializer())) {
            nobody = transport.localAddress();
        }

        assertThatThrownBy(() -> provider.connect(nobody, TransportConfig.DEFAULT, new RecordingInitializer()))
                .isInstanceOf(TransportException.class)
                .hasMessage("could not connect to 127.0.0.1:" + nobody.getPort()
                        + ": Connection refused; is the server running?");
    }

    @Test
    void aBusyPortSaysToStopTheOtherServerOrPickAnotherPort() {
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, new RecordingInitializer())) {
            assertThatThrownBy(() -> provider.bind(transport.localAddress(), TransportConfig.DEFAULT, new RecordingInitializer()))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("could not listen on 127.0.0.1:" + transport.localAddress().getPort()
                            + ": Address already in use; stop the other server or pick another --port");
        }
    }

    /** Just enough of a {@link Connection} to find the accepted side of a plain socket by address. */
    private record Peer(Socket socket) implements Connection {
        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }

        @Override
        public boolean send(ByteBuffer bytes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long pendingBytes() {
            return 0;
        }

        @Override
        public boolean isOpen() {
            return !socket.isClosed();
        }

        @Override
        public void close() {
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
