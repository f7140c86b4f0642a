package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ChatClient;
import dev.parley.api.ChatMessage;
import dev.parley.api.ChatServer;
import dev.parley.api.CommandRequest;
import dev.parley.api.ConfigurationException;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.OtherResponse;
import dev.parley.api.Retention;
import dev.parley.api.ServerConfig;
import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.api.TransportConfig;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.tck.InMemoryStorage;
import dev.parley.tck.InMemoryTransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine without sockets or disks: in-memory transport and storage from chat-tck. */
class ServerEngineTest {

    private final InMemoryTransport transport = new InMemoryTransport();
    private InMemoryStorage storage = new InMemoryStorage();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private ChatServer start(ServerBuilder builder) {
        ChatServer server = builder.transport(transport).storage(storage).start();
        open.add(server);
        return server;
    }

    private static ServerBuilder server() {
        return Parley.server().address("127.0.0.1", 0);
    }

    private ChatClient client(ChatServer server, Recorder recorder) {
        ChatClient client = Parley.client().transport(transport).address(server.address()).listener(recorder).connect();
        open.add(client);
        return client;
    }

    private ChatClient loggedIn(ChatServer server, Recorder recorder, String name) throws InterruptedException {
        ChatClient client = client(server, recorder);
        client.login(name);
        recorder.next(HistoryResponse.class);
        return client;
    }

    @Test
    void dispatchesRegisteredCommandAndListsItInHelp() throws Exception {
        ChatServer server = start(server().command(Command.of("echo", "echo <json>  send it back",
                (ctx, content) -> ctx.reply(new OtherResponse(ctx.timestamp(), "server", "echo", content)))));
        Recorder r = new Recorder();
        ChatClient alice = loggedIn(server, r, "alice");
        alice.send(new CommandRequest("echo", Map.of("k", List.of(1, "two"))));
        assertThat(r.next(OtherResponse.class).content()).isEqualTo(Map.of("k", List.of(1, "two")));
        alice.help();
        assertThat(r.next(InfoResponse.class).text()).contains("echo <json>  send it back", "login <username>");
    }

    @Test
    void refusesCommandThatNeedsLoginBeforeLogin() throws Exception {
        CountDownLatch anonymousRan = new CountDownLatch(1);
        ChatServer server = start(server()
                .command(Command.of("secret", "secret", (ctx, content) -> ctx.info("secret")))
                .command(new Command("ping", "ping", false, (ctx, content) -> {
                    anonymousRan.countDown();
                    ctx.info("pong " + ctx.username().isPresent());
                })));
        Recorder r = new Recorder();
        ChatClient c = client(server, r);
        c.send(new CommandRequest("secret", null));
        assertThat(r.next(ErrorResponse.class).text()).contains("not logged in");
        c.send(new CommandRequest("ping", null));
        assertThat(r.next(InfoResponse.class).text()).isEqualTo("pong false");
        assertThat(anonymousRan.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void turnsHandlerExceptionsIntoErrors() throws Exception {
        ChatServer server = start(server()
                .command(Command.of("fail", "fail", (ctx, content) -> {
                    throw new ConfigurationException("Dice need at least 2 sides.");
                }))
                .command(Command.of("crash", "crash", (ctx, content) -> {
                    throw new IllegalStateException("bug");
                })));
        Recorder r = new Recorder();
        ChatClient alice = loggedIn(server, r, "alice");
        alice.send(new CommandRequest("fail", null));
        assertThat(r.next(ErrorResponse.class).text()).isEqualTo("Dice need at least 2 sides.");
        alice.send(new CommandRequest("crash", null));
        assertThat(r.next(ErrorResponse.class).text()).contains("failed to handle", "IllegalStateException");
        alice.names();
        assertThat(r.next(InfoResponse.class).text()).contains("alice");
    }

    @Test
    void refusesCommandsThatClashWithTheCoreOrEachOther() {
        assertThatThrownBy(() -> Command.of("login", "x", (ctx, c) -> { }))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("KTN core");
        assertThatThrownBy(() -> Command.of("Bad Name", "x", (ctx, c) -> { }))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("lower-case");
        ServerBuilder builder = server().command(Command.of("a", "a", (ctx, c) -> { }));
        assertThatThrownBy(() -> builder.command(Command.of("a", "again", (ctx, c) -> { })))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("already");
    }

    @Test
    void tellsTheSenderWhenStorageFailsWhileOthersStillReceive() throws Exception {
        ChatServer server = start(server());
        Recorder alice = new Recorder();
        Recorder bob = new Recorder();
        ChatClient a = loggedIn(server, alice, "alice");
        loggedIn(server, bob, "bob");
        storage.failAppends(new StorageException("disk full"));
        a.msg("lost?");
        assertThat(bob.next(ChatMessage.class).text()).isEqualTo("lost?");
        assertThat(alice.next(ErrorResponse.class).text()).contains("could not be saved", "disk full");
        storage.failAppends(null);
        a.msg("saved");
        assertThat(alice.next(ChatMessage.class).text()).isEqualTo("saved");
    }

    @Test
    void echoesToTheSenderOnlyAfterStorageAcknowledged() throws Exception {
        ChatServer server = start(server());
        Recorder alice = new Recorder();
        ChatClient a = loggedIn(server, alice, "alice");
        a.msg("durable");
        assertThat(alice.next(ChatMessage.class).text()).isEqualTo("durable");
        assertThat(storage.messages().latest("lobby", 10)).extracting(m -> m.text()).containsExactly("durable");
    }

    @Test
    void historyAtLoginHonoursRetention() throws Exception {
        storage = new InMemoryStorage(StorageConfig.of("memory:x").withRetention(Retention.ofCount(2)));
        ChatServer server = start(server().storageConfig(StorageConfig.of("memory:x")
                .withRetention(Retention.ofCount(2))).storage(storage));
        Recorder alice = new Recorder();
        ChatClient a = loggedIn(server, alice, "alice");
        for (String text : List.of("one", "two", "three")) {
            a.msg(text);
            alice.next(ChatMessage.class);
        }
        Recorder bob = new Recorder();
        ChatClient b = client(server, bob);
        b.login("bob");
        assertThat(bob.next(HistoryResponse.class).messages()).extracting(ChatMessage::text)
                .containsExactly("two", "three");
    }

    @Test
    void answersRequestsReceivedBeforeThePeerHalfClosed() throws Exception {
        ChatServer server = start(server());
        StringBuilder received = new StringBuilder();
        CountDownLatch closed = new CountDownLatch(1);
        Connection c = transport.connect(server.address(), TransportConfig.DEFAULT, connection -> new ConnectionHandler() {
            @Override
            public void onBytes(ByteBuffer bytes) {
                received.append(StandardCharsets.UTF_8.decode(bytes));
            }

            @Override
            public void onInputClosed() {
                connection.close();
            }

            @Override
            public void onClosed(Throwable cause) {
                closed.countDown();
            }
        });
        c.send(ByteBuffer.wrap("{\"request\":\"help\"}".getBytes(StandardCharsets.UTF_8)));
        InMemoryTransport.shutdownOutput(c);
        assertThat(closed.await(10, TimeUnit.SECONDS)).as("server answers, then closes").isTrue();
        assertThat(received.toString()).startsWith("{\"timestamp\":").contains("\"response\":\"info\"");
    }

    @Test
    void closesAClientThatQueuesTooManyRequests() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ChatServer server = start(Parley.server()
                .config(ServerConfig.builder().address("127.0.0.1", 0).maxPendingRequests(4).build())
                .command(new Command("block", "block", false, (ctx, content) -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })));
        Recorder r = new Recorder();
        ChatClient c = client(server, r);
        for (int i = 0; i < 10; i++) {
            c.send(new CommandRequest("block", null));
        }
        release.countDown();
        assertThat(r.next(ErrorResponse.class).text()).contains("Too many requests waiting");
        r.awaitStatus(dev.parley.api.ClientStatus.DISCONNECTED);
    }
}
