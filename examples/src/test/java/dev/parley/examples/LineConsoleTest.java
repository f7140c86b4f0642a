package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scriptable line mode, against an in-memory fake server. */
class LineConsoleTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private FakeChatClient client;

    private String run(String input, boolean connected) {
        LineConsole console = new LineConsole(new StringReader(input), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ClientSession session = new ClientSession(new EventFormatter("127.0.0.1:7600"), console, true);
        client = new FakeChatClient(session, connected);
        session.attach(client);
        console.run(session);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerEventOfAScriptedSession() {
        String output = run("/login bob\n\nhello\n/names\n/quit\nnot sent\n", true);

        assertThat(output).isEqualTo("""
                ~ connected to 127.0.0.1:7600
                * Login successful. Welcome, bob!
                --- no history yet ---
                [22:37:34] bob: hello
                * Users online: bob
                * Logged out. Bye, bob!
                ~ disconnected: Logged out; the server closed the connection.
                """);
        assertThat(client.sent()).doesNotContain(new MsgRequest("not sent"));
    }

    @Test
    void logsOutAtTheEndOfInputToo() {
        String output = run("/login bob\n\nhello\n", true);

        assertThat(output).contains("[22:37:34] bob: hello\n* Logged out. Bye, bob!\n");
        assertThat(client.sent()).last().isEqualTo(new LogoutRequest());
    }

    @Test
    void doesNotLogOutWhenNeverLoggedIn() {
        run("/names\n", true);

        assertThat(client.sent()).doesNotContain(new LogoutRequest());
    }

    @Test
    void reportsMistakesLocallyAndSendsEscapedSlashes() {
        String output = run("/login bob\n\n/frobnicate lobby\n//shrug\n", true);

        assertThat(output).contains("! unknown command '/frobnicate lobby'\n  client commands:\n", "bob: /shrug\n");
        assertThat(client.sent()).contains(new MsgRequest("/shrug"));
    }

    @Test
    void showsTheClientCommandsAndTheServerHelp() {
        String output = run("/help\n", true);

        assertThat(output).contains("* client commands:\n    /login NAME", "* Requests:\n    login <username>\n");
    }

    @Test
    void printsSendFailuresPlainly() {
        String output = run("hello\n/quit\n", false);

        assertThat(output.lines()).containsExactlyInAnyOrder( // the status comes on another thread
                "~ disconnected: Connection refused. Retrying in 0.5 s.",
                "! Not connected: Connection refused. Retrying in the background.");
    }
}
