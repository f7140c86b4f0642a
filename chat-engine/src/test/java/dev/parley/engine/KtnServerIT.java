package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.api.ChatServer;
import dev.parley.api.HistoryFormat;
import dev.parley.api.Limits;
import dev.parley.api.ServerConfig;
import dev.parley.api.TransportConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The KTN core protocol over real loopback sockets, spoken byte by byte as {@code ktn-core.md} states it. */
@ParameterizedClass
@ValueSource(strings = {"socket"})
class KtnServerIT {

    @Parameter
    String transport;

    @TempDir
    Path data;

    private ChatServer server;
    private final List<RawKtnClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = start(ServerConfig.builder().address("127.0.0.1", 0).build());
    }

    private ChatServer start(ServerConfig config) {
        return Parley.server().config(config).transport(transport).storage("file:" + data).start();
    }

    @AfterEach
    void stop() {
        clients.forEach(RawKtnClient::close);
        if (server != null) {
            server.close();
        }
    }

    private RawKtnClient connect() {
        RawKtnClient client = new RawKtnClient(server.address());
        clients.add(client);
        return client;
    }

    private static String kind(JsonNode response) {
        return response.get("response").stringValue();
    }

    private static String content(JsonNode response) {
        return response.get("content").stringValue();
    }

    @Test
    void loginGivesInfoThenHistoryWithAllFourFields() {
        RawKtnClient alice = connect().request("login", "alice");
        JsonNode info = alice.read();
        assertThat(kind(info)).isEqualTo("info");
        assertThat(info.get("sender").stringValue()).isEqualTo("server");
        assertThat(info.get("timestamp").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        JsonNode history = alice.read();
        assertThat(kind(history)).isEqualTo("history");
        assertThat(history.get("content").isArray()).isTrue();
        assertThat(server.users()).containsExactly("alice");
    }

    @Test
    void msgReachesEveryLoggedInClientTheSenderIncluded() {
        RawKtnClient alice = connect().login("alice");
        RawKtnClient bob = connect().login("bob");
        RawKtnClient guest = connect();
        alice.request("msg", "hello bob");
        for (RawKtnClient c : List.of(alice, bob)) {
            JsonNode m = c.read();
            assertThat(kind(m)).isEqualTo("message");
            assertThat(m.get("sender").stringValue()).isEqualTo("alice");
            assertThat(content(m)).isEqualTo("hello bob");
        }
        guest.request("help", null);
        assertThat(kind(guest.read())).as("a client that is not logged in gets no messages").isEqualTo("info");
    }

    @Test
    void beforeLoginOnlyLoginAndHelpAreAccepted() {
        RawKtnClient c = connect();
        for (String request : List.of("msg", "names", "logout")) {
            c.request(request, request.equals("msg") ? "hi" : null);
            JsonNode error = c.read();
            assertThat(kind(error)).isEqualTo("error");
            assertThat(content(error)).contains("not logged in");
        }
        c.request("help", null);
        JsonNode help = c.read();
        assertThat(kind(help)).isEqualTo("info");
        assertThat(content(help)).contains("login", "logout", "msg", "names", "help");
        c.login("carol");
    }

    @Test
    void refusesUsernamesOutsideTheCharsetAndNamesTaken() {
        connect().login("alice");
        RawKtnClient c = connect();
        for (String bad : List.of("al ice", "ålice", "alice!", "")) {
            c.request("login", bad);
            JsonNode error = c.read();
            assertThat(kind(error)).as(bad).isEqualTo("error");
        }
        c.request("login", "alice");
        JsonNode taken = c.read();
        assertThat(kind(taken)).isEqualTo("error");
        assertThat(content(taken)).contains("taken");
        c.login("Alice2");
    }

    @Test
    void namesListsTheUsersLoggedIn() {
        connect().login("alice");
        RawKtnClient bob = connect().login("bob");
        bob.request("names", "None");
        JsonNode names = bob.read();
        assertThat(kind(names)).isEqualTo("info");
        assertThat(content(names)).contains("alice", "bob");
    }

    @Test
    void logoutSaysGoodbyeAndCloses() {
        RawKtnClient alice = connect().login("alice");
        alice.request("logout", "");
        assertThat(kind(alice.read())).isEqualTo("info");
        assertThat(alice.closedByServer()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> server.users().isEmpty());
    }

    @Test
    void acknowledgesTheLastMessageBeforeLoggingOut() {
        RawKtnClient alice = connect().login("alice");
        alice.write("{\"request\":\"msg\",\"content\":\"bye all\"}{\"request\":\"logout\"}");
        JsonNode echo = alice.read();
        assertThat(kind(echo)).isEqualTo("message");
        assertThat(content(echo)).isEqualTo("bye all");
        assertThat(content(alice.read())).startsWith("Logged out");
        assertThat(alice.closedByServer()).isTrue();
    }

    @Test
    void answersWhatArrivedBeforeTheClientShutItsOutput() throws Exception {
        RawKtnClient alice = connect().write("{\"request\":\"login\",\"content\":\"alice\"}\n"
                + "{\"request\":\"msg\",\"content\":\"one-shot\"}\n");
        alice.socket().shutdownOutput();
        assertThat(kind(alice.read())).isEqualTo("info");
        assertThat(kind(alice.read())).isEqualTo("history");
        assertThat(content(alice.read())).isEqualTo("one-shot");
        assertThat(alice.closedByServer()).isTrue();
    }

    @Test
    void deliversHistoryAtLoginOldestFirst() {
        RawKtnClient alice = connect().login("alice");
        for (int i = 1; i <= 3; i++) {
            alice.request("msg", "message " + i);
            alice.readKind("message");
        }
        RawKtnClient bob = connect().request("login", "bob");
        assertThat(kind(bob.read())).isEqualTo("info");
        JsonNode history = bob.read();
        assertThat(kind(history)).isEqualTo("history");
        assertThat(history.get("content").values()).extracting(m -> m.get("content").stringValue())
                .containsExactly("message 1", "message 2", "message 3");
        assertThat(history.get("content").get(0).get("response").stringValue()).isEqualTo("message");
    }

    @Test
    void historySurvivesARestart() {
        RawKtnClient alice = connect().login("alice");
        alice.request("msg", "remember me");
        alice.readKind("message");
        server.close();
        server = start(ServerConfig.builder().address("127.0.0.1", 0).build());
        RawKtnClient bob = connect().request("login", "bob");
        bob.read();
        assertThat(bob.read().get("content").values()).extracting(m -> m.get("content").stringValue())
                .containsExactly("remember me");
    }

    @Test
    void recoversFromALastRecordCutInHalf() throws Exception {
        RawKtnClient alice = connect().login("alice");
        for (String text : List.of("first", "second", "third " + "z".repeat(200))) {
            alice.request("msg", text);
            alice.readKind("message");
        }
        server.close();
        // A crash in the middle of writing the last record leaves half of it on disk.
        Path segment;
        try (var files = java.nio.file.Files.list(data)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
        long size = java.nio.file.Files.size(segment);
        try (var channel = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size - 100);
        }
        server = start(ServerConfig.builder().address("127.0.0.1", 0).build());
        RawKtnClient bob = connect().request("login", "bob");
        bob.read();
        assertThat(bob.read().get("content").values()).extracting(m -> m.get("content").stringValue())
                .containsExactly("first", "second");
        bob.request("msg", "after recovery");
        assertThat(content(bob.readKind("message"))).isEqualTo("after recovery");
    }

    @Test
    void sendsHistoryAsJsonStringsInCompatibilityMode() {
        server.close();
        server = start(ServerConfig.builder().address("127.0.0.1", 0).historyFormat(HistoryFormat.STRINGS).build());
        RawKtnClient alice = connect().login("alice");
        alice.request("msg", "hi");
        alice.readKind("message");
        RawKtnClient bob = connect().request("login", "bob");
        bob.read();
        JsonNode history = bob.read();
        assertThat(history.get("content").get(0).isString()).isTrue();
        assertThat(history.get("content").get(0).stringValue()).contains("\"content\":\"hi\"");
    }

    @Test
    void acceptsRequestWithoutTrailingNewline() {
        RawKtnClient c = connect().write("{\"request\":\"help\",\"content\":null}");
        assertThat(kind(c.read())).isEqualTo("info");
    }

    @Test
    void acceptsTwoObjectsInOneWrite() {
        RawKtnClient c = connect().write("{\"request\":\"login\",\"content\":\"dave\"}{\"request\":\"names\"}");
        assertThat(kind(c.read())).isEqualTo("info");
        assertThat(kind(c.read())).isEqualTo("history");
        assertThat(content(c.read())).contains("dave");
    }

    @Test
    void acceptsOneObjectInThreeWrites() throws Exception {
        RawKtnClient c = connect();
        c.write("{\"requ");
        Thread.sleep(50);
        c.write("est\": \"help\",\n  \"con");
        Thread.sleep(50);
        c.write("tent\": null\n}");
        assertThat(kind(c.read())).isEqualTo("info");
    }

    @Test
    void answersInvalidJsonWithAnErrorAndStaysUsable() {
        RawKtnClient c = connect().write("{\"request\": help}\n");
        JsonNode error = c.read();
        assertThat(kind(error)).isEqualTo("error");
        assertThat(content(error)).startsWith("Invalid JSON");
        c.write("hello\n");
        assertThat(kind(c.read())).isEqualTo("error");
        c.request("unknown", null);
        assertThat(content(c.read())).contains("Unknown request 'unknown'");
        c.login("erin");
    }

    @Test
    void closesOversizedFrameWithAnErrorWhileOthersChatOn() {
        server.close();
        server = start(ServerConfig.builder().address("127.0.0.1", 0).maxFrameBytes(1024).build());
        RawKtnClient alice = connect().login("alice");
        RawKtnClient bob = connect().login("bob");
        bob.write("{\"request\":\"msg\",\"content\":\"" + "x".repeat(5000) + "\"}\n");
        JsonNode error = bob.read();
        assertThat(kind(error)).isEqualTo("error");
        assertThat(content(error)).contains("too large");
        assertThat(bob.closedByServer()).isTrue();
        alice.request("msg", "still here");
        assertThat(content(alice.readKind("message"))).isEqualTo("still here");
    }

    @Test
    void broadcastReachesTwoHundredConcurrentClients() throws Exception {
        int n = 200;
        server.close();
        // All clients come from 127.0.0.1, so the per-address limit (100 by default) must allow them.
        server = start(ServerConfig.builder().address("127.0.0.1", 0)
                .limits(Limits.DEFAULT.withMaxConnectionsPerAddress(n + 10)).build());
        List<RawKtnClient> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RawKtnClient>> logins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "user" + i;
                logins.add(pool.submit(() -> connect().login(name)));
            }
            for (Future<RawKtnClient> f : logins) {
                all.add(f.get());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.users().size() == n);
            all.getFirst().request("msg", "hello everyone");
            List<Future<String>> received = new ArrayList<>();
            for (RawKtnClient c : all) {
                received.add(pool.submit(() -> content(c.readKind("message"))));
            }
            for (Future<String> f : received) {
                assertThat(f.get()).isEqualTo("hello everyone");
            }
        }
    }

    @Test
    void disconnectsASlowConsumerWithoutHoldingUpOthers() throws Exception {
        server.close();
        // The sender sends flat out on purpose: flood protection would cut it off first.
        server = Parley.server().config(ServerConfig.builder().address("127.0.0.1", 0).limits(Limits.NONE).build())
                .transport(transport).transportConfig(TransportConfig.DEFAULT.withMaxOutboundBytes(256 << 10))
                .storage("file:" + data).start();
        RawKtnClient slow = connect().login("slow");
        RawKtnClient sender = connect().login("sender");
        RawKtnClient reader = connect().login("reader");
        String text = "y".repeat(30_000);
        int sent = 0;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // The slow client never reads; the reader reads each message before the next is sent,
            // and the sender's own copies are read in the background.
            Future<Integer> senderGot = pool.submit(() -> countMessagesUntil(sender, "last"));
            while (sent < 2000 && server.users().contains("slow")) {
                sender.request("msg", text);
                sent++;
                assertThat(content(reader.readKind("message"))).isEqualTo(text);
            }
            sender.request("msg", "last");
            assertThat(content(reader.readKind("message"))).isEqualTo("last");
            assertThat(senderGot.get()).isEqualTo(sent);
        }
        assertThat(sent).as("the slow client was cut before the sender stopped").isLessThan(2000);
        assertThat(server.users()).containsExactlyInAnyOrder("sender", "reader");
        InputStream in = slow.socket().getInputStream();
        assertThat(drain(in)).as("the slow client's connection ends").isTrue();
    }

    /** Reads messages until one with content {@code last}; returns how many came before it. */
    private static int countMessagesUntil(RawKtnClient client, String last) {
        int count = 0;
        while (!content(client.readKind("message")).equals(last)) {
            count++;
        }
        return count;
    }

    private static boolean drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // discard what was queued before the cut
            }
            return true;
        } catch (java.net.SocketException e) {
            return true;
        }
    }
}
