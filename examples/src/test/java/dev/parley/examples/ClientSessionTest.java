package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The prompt follows the connection and the login, as the interactive console shows it. */
class ClientSessionTest {

    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final ChatConsole console = new ChatConsole() {
        @Override
        public void show(List<Line> lines) {
        }

        @Override
        public void statusChanged(String prompt) {
            prompts.add(prompt);
        }

        @Override
        public String readPassword(String prompt) {
            return ""; // a guest login
        }

        @Override
        public void run(ClientSession session) {
        }
    };

    @Test
    void promptShowsTheConnectionAndTheAcceptedName() {
        ClientSession session = new ClientSession(new EventFormatter("127.0.0.1:7600"), console, true);
        FakeChatClient client = new FakeChatClient(session, true);
        session.attach(client);
        await().until(() -> prompts.contains("[connected] > "));

        assertThat(session.handle("/login bob")).isTrue();
        await().until(() -> prompts.contains("[connected bob] > "));
        assertThat(session.prompt()).isEqualTo("[connected bob] > ");

        assertThat(session.handle("/quit")).isFalse();
        session.finish();
        assertThat(prompts).contains("[offline] > ");
    }

    @Test
    void promptSaysWhenTheClientRetries() {
        ClientSession session = new ClientSession(new EventFormatter("127.0.0.1:7600"), console, true);
        session.attach(new FakeChatClient(session, false));

        await().until(() -> prompts.contains("[offline, retrying] > "));
    }
}
