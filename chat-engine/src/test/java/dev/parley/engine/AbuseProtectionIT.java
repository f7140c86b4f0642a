package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.api.ChatServer;
import dev.parley.api.Limits;
import dev.parley.api.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Connection limits and flood protection, over real sockets. */
class AbuseProtectionIT {

    @TempDir
    Path data;

    private ChatServer server;
    private final List<RawKtnClient> clients = new ArrayList<>();

    private void start(Limits limits) {
        server = Parley.server().config(ServerConfig.builder().address("127.0.0.1", 0).limits(limits).build())
                .transport("socket").storage("file:" + data).start();
    }

    @AfterEach
    void stop() {
        clients.forEach(RawKtnClient::close);
        if (server != null) {
            server.close();
        }
    }

    private RawKtnClient connect() {
        RawKtnClient c = new RawKtnClient(server.address());
        clients.add(c);
        return c;
    }

    @Test
    void aClientOverThePerAddressLimitIsToldBeforeTheClose() {
        start(Limits.DEFAULT.withMaxConnectionsPerAddress(2));
        RawKtnClient first = connect().login("first");
        connect().login("second");
        RawKtnClient third = connect();
        JsonNode refused = third.read();
        assertThat(refused.get("response").stringValue()).isEqualTo("error");
        assertThat(refused.get("content").stringValue()).isEqualTo("Connection Limit Exceeded !!");
        assertThat(third.closedByServer()).isTrue();
        first.request("logout", null);
        assertThat(first.closedByServer()).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            RawKtnClient next = connect();
            next.request("login", "fourth");
            assertThat(next.read().get("response").stringValue()).isEqualTo("info");
        });
    }

    @Test
    void theGlobalLimitCountsEveryAddress() {
        start(Limits.DEFAULT.withMaxConnections(1));
        connect().login("only");
        RawKtnClient refused = connect();
        assertThat(refused.read().get("content").stringValue()).isEqualTo("Connection Limit Exceeded !!");
        assertThat(refused.closedByServer()).isTrue();
    }

    @Test
    void aFloodingClientIsWarnedThenCutOffWhileAnotherKeepsChatting() {
        start(Limits.DEFAULT.withRequestRate(5, 10).withFloodStrikes(3));
        RawKtnClient calm = connect().login("calm");
        RawKtnClient flooder = connect().login("flooder");
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            burst.append("{\"request\":\"msg\",\"content\":\"spam ").append(i).append("\"}\n");
        }
        flooder.write(burst.toString());
        List<String> errors = new ArrayList<>();
        while (true) {
            String line = flooder.readLine();
            if (line == null) {
                break;
            }
            if (line.contains("\"error\"")) {
                errors.add(line);
            }
        }
        assertThat(errors.getFirst()).contains("You are sending too fast");
        assertThat(errors.getLast()).contains("Disconnected for flooding");
        await().atMost(Duration.ofSeconds(5)).until(() -> !server.users().contains("flooder"));
        calm.request("msg", "still here");
        String echo;
        do {
            echo = calm.readKind("message").get("content").stringValue();
        } while (echo.startsWith("spam"));
        assertThat(echo).isEqualTo("still here");
    }

    @Test
    void aHumanPastingABlockOfLinesIsNotBotheredByTheDefaults() {
        start(Limits.DEFAULT);
        RawKtnClient paster = connect().login("paster");
        StringBuilder paste = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            paste.append("{\"request\":\"msg\",\"content\":\"line ").append(i).append("\"}\n");
        }
        paster.write(paste.toString());
        for (int i = 0; i < 60; i++) {
            JsonNode n = paster.read();
            assertThat(n.get("response").stringValue()).isEqualTo("message");
            assertThat(n.get("content").stringValue()).isEqualTo("line " + i);
        }
    }
}
