package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.AccountPolicy;
import dev.parley.api.ChatServer;
import dev.parley.api.Limits;
import dev.parley.api.ServerConfig;
import dev.parley.spi.AccountRole;
import dev.parley.spi.Storage;
import dev.parley.spi.Providers;
import dev.parley.api.StorageConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Registration, password login, guests and the admin bootstrap, over real sockets and the file store. */
class AccountsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path data;

    private Storage storage;
    private ChatServer server;
    private final List<RawKtnClient> clients = new ArrayList<>();

    private ChatServer start(ServerConfig.Builder config) {
        if (storage == null) {
            storage = Providers.storage("file").open(StorageConfig.of("file:" + data));
        }
        server = Parley.server().config(config.address("127.0.0.1", 0).build()).transport("socket")
                .storage(storage).start();
        return server;
    }

    private ChatServer start() {
        return start(ServerConfig.builder());
    }

    @AfterEach
    void stop() {
        clients.forEach(RawKtnClient::close);
        if (server != null) {
            server.close();
        }
        if (storage != null) {
            storage.close();
        }
    }

    private RawKtnClient connect() {
        RawKtnClient c = new RawKtnClient(server.address());
        clients.add(c);
        return c;
    }

    private static String credentials(String name, String password) {
        return MAPPER.writeValueAsString(Map.of("username", name, "password", password));
    }

    private static JsonNode send(RawKtnClient c, String request, String name, String password) {
        c.write("{\"request\":\"" + request + "\",\"content\":" + credentials(name, password) + "}\n");
        return c.read();
    }

    private static String content(JsonNode n) {
        return n.get("content").stringValue();
    }

    @Test
    void aRegisteredUserLogsInWithItsPasswordAndChatsBesideAGuest() {
        start();
        RawKtnClient alice = connect();
        JsonNode welcome = send(alice, "register", "alice", "correct horse");
        assertThat(content(welcome)).isEqualTo("Login successful. Welcome, alice!");
        alice.readKind("history");
        alice.request("logout", null);
        assertThat(alice.closedByServer()).isTrue();

        RawKtnClient again = connect();
        assertThat(content(send(again, "login", "alice", "correct horse"))).startsWith("Login successful");
        again.readKind("history");
        RawKtnClient guest = connect().login("bob");
        guest.request("msg", "hi alice");
        assertThat(content(again.readKind("message"))).isEqualTo("hi alice");
        again.request("msg", "hi bob");
        String seen;
        do {
            seen = content(guest.readKind("message")); // its own echo may come first
        } while (seen.equals("hi alice"));
        assertThat(seen).isEqualTo("hi bob");
    }

    @Test
    void passwordsAreStoredAsSaltedArgon2idHashesThatDifferPerUser() {
        start();
        send(connect(), "register", "alice", "same password");
        send(connect(), "register", "carol", "same password");
        String a = storage.accounts().find("alice").orElseThrow().passwordHash();
        String c = storage.accounts().find("carol").orElseThrow().passwordHash();
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("same password");
        assertThat(c).startsWith("$argon2id$").isNotEqualTo(a);
    }

    @Test
    void wrongPasswordUnknownUserAndAGuestTakingARegisteredNameGetDistinctErrors() {
        start();
        send(connect(), "register", "alice", "correct horse");
        RawKtnClient c = connect();
        JsonNode wrong = send(c, "login", "alice", "wrong horse");
        assertThat(wrong.get("response").stringValue()).isEqualTo("error");
        assertThat(content(wrong)).startsWith("Wrong password for 'alice'");
        assertThat(content(send(c, "login", "nobody", "whatever1"))).startsWith("Unknown user 'nobody'");
        c.request("login", "alice");
        assertThat(content(c.read())).contains("'alice' is a registered name: it can only be taken with its password");
        c.request("login", "ALICE");
        assertThat(content(c.read())).contains("registered name");
        assertThat(content(send(c, "register", "Alice", "another pass"))).startsWith("Username 'Alice' is taken");
        assertThat(content(send(c, "register", "dave", "short"))).startsWith("Weak password: use at least 8");
        c.login("erin");
        assertThat(server.users()).containsExactly("alice", "erin");
    }

    @Test
    void registrationAndGuestsCanBeSwitchedOff() {
        start(ServerConfig.builder().accounts(AccountPolicy.DEFAULT.withRegistrationOpen(false).withGuestsAllowed(false)));
        RawKtnClient c = connect();
        assertThat(content(send(c, "register", "alice", "correct horse"))).startsWith("Registration is disabled");
        c.request("login", "bob");
        assertThat(content(c.read())).startsWith("This server does not allow guests");
    }

    @Test
    void theAdminBootstrapGivesTheRoleAtRegistrationAndAtLogin() {
        start();
        send(connect(), "register", "root", "correct horse");
        assertThat(storage.accounts().find("root").orElseThrow().role()).isEqualTo(AccountRole.USER);
        server.close();
        start(ServerConfig.builder().accounts(AccountPolicy.DEFAULT.withAdmins(Set.of("root", "ops"))));
        send(connect(), "register", "ops", "correct horse");
        assertThat(storage.accounts().find("ops").orElseThrow().role()).isEqualTo(AccountRole.ADMIN);
        assertThat(content(send(connect(), "login", "root", "correct horse"))).startsWith("Login successful");
        assertThat(storage.accounts().find("root").orElseThrow().role()).isEqualTo(AccountRole.ADMIN);
    }

    @Test
    void aHashWithOldParametersIsRaisedAtTheNextLogin() {
        start(ServerConfig.builder().accounts(AccountPolicy.DEFAULT.withHashing(
                new AccountPolicy.PasswordHashing(8192, 1, 1))));
        send(connect(), "register", "alice", "correct horse");
        assertThat(storage.accounts().find("alice").orElseThrow().passwordHash()).contains("m=8192,t=1,p=1");
        server.close();
        start();
        assertThat(content(send(connect(), "login", "alice", "correct horse"))).startsWith("Login successful");
        assertThat(storage.accounts().find("alice").orElseThrow().passwordHash()).contains("m=19456,t=2,p=1");
        server.close();
        start();
        assertThat(content(send(connect(), "login", "alice", "correct horse"))).startsWith("Login successful");
    }

    @Test
    void repeatedWrongPasswordsMakeTheNextAttemptWaitEvenWithTheRightOne() {
        start(ServerConfig.builder().limits(Limits.DEFAULT.withLoginThrottle(2, java.time.Duration.ofMinutes(1))));
        send(connect(), "register", "alice", "correct horse");
        RawKtnClient c = connect();
        for (int i = 0; i < 3; i++) {
            assertThat(content(send(c, "login", "alice", "guess " + i))).startsWith("Wrong password");
        }
        assertThat(content(send(c, "login", "alice", "correct horse"))).startsWith("Too many failed logins; try again in");
        // Another address is throttled too, because the account is.
        assertThat(content(send(connect(), "login", "alice", "correct horse"))).startsWith("Too many failed logins");
    }
}
