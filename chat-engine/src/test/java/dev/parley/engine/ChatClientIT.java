package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ChatClient;
import dev.parley.api.ChatMessage;
import dev.parley.api.ChatServer;
import dev.parley.api.ClientStatus;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.OtherResponse;
import dev.parley.api.Response;
import dev.parley.api.ServerConfig;
import dev.parley.api.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's client against a Parley server and against fake servers speaking each KTN variant. */
class ChatClientIT {

    @TempDir
    Path data;

    private ChatServer startServer(int port) {
        return Parley.server().config(ServerConfig.builder().address("127.0.0.1", port).build())
                .storage("file:" + data).start();
    }

    @Test
    void chatsWithAParleyServer() throws Exception {
        try (ChatServer server = startServer(0)) {
            Recorder alice = new Recorder();
            Recorder bob = new Recorder();
            try (ChatClient a = Parley.client().address(server.address()).listener(alice).connect();
                 ChatClient b = Parley.client().address(server.address()).listener(bob).connect()) {
                assertThat(a.status()).isEqualTo(ClientStatus.CONNECTED);
                a.login("alice");
                assertThat(alice.next()).isInstanceOf(InfoResponse.class);
                assertThat(alice.next()).isInstanceOf(HistoryResponse.class);
                b.login("bob");
                bob.next();
                bob.next();
                a.msg("hi bob");
                assertThat(bob.next()).isInstanceOfSatisfying(ChatMessage.class, m -> {
                    assertThat(m.sender()).isEqualTo("alice");
                    assertThat(m.text()).isEqualTo("hi bob");
                });
                assertThat(((ChatMessage) alice.next()).text()).isEqualTo("hi bob");
                b.names();
                assertThat(((InfoResponse) bob.next()).text()).contains("alice", "bob");
            }
        }
    }

    @Test
    void failsClearlyWhenNoServerListensAndReconnectIsOff() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> Parley.client().address("127.0.0.1", port).listener(new Recorder()).connect())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void reconnectsAndLogsInAgainAfterTheServerComesBack() throws Exception {
        ChatServer server = startServer(0);
        int port = server.address().getPort();
        Recorder recorder = new Recorder();
        try (ChatClient client = Parley.client().address("127.0.0.1", port)
                .reconnect(Duration.ofMillis(100), Duration.ofMillis(400)).listener(recorder).connect()) {
            client.login("alice");
            recorder.next();
            recorder.next();
            server.close();
            recorder.awaitStatus(ClientStatus.DISCONNECTED);
            assertThatThrownBy(() -> client.msg("while down")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("Not connected");
            server = startServer(port);
            recorder.awaitStatus(ClientStatus.CONNECTED);
            Response login;
            do {
                login = recorder.next();
            } while (!(login instanceof InfoResponse info && info.text().startsWith("Login successful")));
            assertThat(server.users()).containsExactly("alice");
        } finally {
            server.close();
        }
    }

    /** A fake KTN server that sends {@code script} in one write to whoever connects. */
    private static InetSocketAddress fakeServer(ServerSocket socket, String script) {
        Thread.ofVirtual().start(() -> {
            try (Socket s = socket.accept()) {
                OutputStream out = s.getOutputStream();
                out.write(script.getBytes(StandardCharsets.UTF_8));
                out.flush();
                s.getInputStream().read();
            } catch (IOException ignored) {
                // the test closed the client
            }
        });
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    @Test
    void understandsEveryKnownServerVariant() throws Exception {
        String script = ""
                // concatenated, no newline, pretty-printed
                + "{\"timestamp\":\"22:37\",\"sender\":\"server\",\"response\":\"info\",\"content\":\"Login successful\"}"
                + "{\n  \"timestamp\": \"2026-03-17T22:37:34Z\",\n  \"sender\": \"server\",\n  \"response\": \"history\",\n"
                + "  \"content\": [\"{\\\"timestamp\\\": \\\"1\\\", \\\"sender\\\": \\\"bob\\\", \\\"response\\\": "
                + "\\\"message\\\", \\\"content\\\": \\\"from strings\\\"}\"]\n}\n"
                + "{\"timestamp\":1710712654,\"sender\":\"server\",\"response\":\"history\","
                + "\"content\":\"[{\\\"sender\\\":\\\"carol\\\",\\\"content\\\":\\\"from one string\\\"}]\"}"
                + "{\"response\":\"history\",\"sender\":\"server\",\"timestamp\":\"x\","
                + "\"content\":{\"sender\":\"dan\",\"response\":\"message\",\"content\":\"single\"}}"
                + "{\"timestamp\":\"2026-03-17T22:37:34\",\"sender\":\"erin\",\"response\":\"msg\",\"content\":\"msg kind\"}\n"
                + "{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"names\",\"content\":[\"a\",\"b\"],\"extra\":1}\n"
                + "{\"sender\":\"server\",\"response\":\"error\",\"content\":\"no timestamp\"}";
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Recorder r = new Recorder();
            try (ChatClient client = Parley.client().address(fakeServer(socket, script)).listener(r).connect()) {
                assertThat(client.status()).isEqualTo(ClientStatus.CONNECTED);
                assertThat(r.next()).isEqualTo(new InfoResponse("22:37", "server", "Login successful"));
                assertThat(r.next()).isEqualTo(new HistoryResponse("2026-03-17T22:37:34Z", "server",
                        List.of(new ChatMessage("1", "bob", "from strings"))));
                assertThat(r.next()).isEqualTo(new HistoryResponse("1710712654", "server",
                        List.of(new ChatMessage("", "carol", "from one string"))));
                assertThat(r.next()).isEqualTo(new HistoryResponse("x", "server",
                        List.of(new ChatMessage("", "dan", "single"))));
                assertThat(r.next()).isEqualTo(new ChatMessage("2026-03-17T22:37:34", "erin", "msg kind"));
                assertThat(r.next()).isEqualTo(new OtherResponse("t", "server", "names", List.of("a", "b")));
                assertThat(r.next()).isEqualTo(new ErrorResponse("", "server", "no timestamp"));
            }
        }
    }

    @Test
    void survivesAServerThatClosesOnLogoutWithoutReply() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", socket.getLocalPort());
            Thread.ofVirtual().start(() -> {
                try (Socket s = socket.accept()) {
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // closing is the point
                }
            });
            Recorder r = new Recorder();
            try (ChatClient client = Parley.client().address(address).listener(r).connect()) {
                client.logout();
                r.awaitStatus(ClientStatus.DISCONNECTED);
                assertThat(client.status()).isEqualTo(ClientStatus.DISCONNECTED);
            }
        }
    }
}
