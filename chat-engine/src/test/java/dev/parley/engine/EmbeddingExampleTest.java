package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.ChatClient;
import dev.parley.api.ChatServer;
import dev.parley.api.InfoResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, kept compiling and working; it runs on a free port and a temporary directory. */
class EmbeddingExampleTest {

    @TempDir
    Path data;

    @Test
    void readmeExampleServesItsCustomCommand() throws Exception {
        try (ChatServer server = Parley.server()
                .address("127.0.0.1", 0)
                .storage("file:" + data)
                .command(Command.of("roll", "roll <sides>  roll a die", (ctx, content) -> {
                    int sides = Integer.parseInt(String.valueOf(content));
                    int roll = 1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(sides);
                    ctx.broadcast(new InfoResponse(ctx.timestamp(), "server",
                            ctx.username().orElseThrow() + " rolled " + roll + " of " + sides));
                }))
                .start()) {
            Recorder recorder = new Recorder();
            try (ChatClient client = Parley.client().address(server.address()).listener(recorder).connect()) {
                client.login("alice");
                recorder.next(dev.parley.api.HistoryResponse.class);
                client.send(new dev.parley.api.CommandRequest("roll", 6));
                assertThat(recorder.next(InfoResponse.class).text()).matches("alice rolled [1-6] of 6");
            }
        }
    }
}
