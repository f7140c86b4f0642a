package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.ChatMessage;
import dev.parley.api.ClientStatus;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.OtherResponse;
import dev.parley.examples.Line.Tone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFormatterTest {

    private static final String NOW = "2026-03-17T22:37:34";

    private final EventFormatter formatter = new EventFormatter("127.0.0.1:7600");

    private List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    @Test
    void showsAMessageWithTheTimeOfDayOfParleyTimestamps() {
        List<Line> lines = formatter.response(new ChatMessage(NOW, "alice", "hello"), "bob");

        assertThat(texts(lines)).containsExactly("[22:37:34] alice: hello");
        assertThat(lines.getFirst().tone()).isEqualTo(Tone.MESSAGE);
        assertThat(lines.getFirst().boldFrom()).isEqualTo(-1);
    }

    @Test
    void showsOtherTimestampFormsAsGiven() {
        assertThat(EventFormatter.time("22:37")).isEqualTo("22:37");
        assertThat(EventFormatter.time("2026-03-17T22:37:34Z")).isEqualTo("2026-03-17T22:37:34Z");
        assertThat(EventFormatter.time("1773787054")).isEqualTo("1773787054");
        assertThat(EventFormatter.time("2026-03-17T22:37:34.123")).isEqualTo("22:37:34");
    }

    @Test
    void dropsTheBracketsWhenTheTimestampIsEmpty() {
        assertThat(texts(formatter.response(new ChatMessage("", "alice", "hi"), null))).containsExactly("alice: hi");
    }

    @Test
    void emphasisesTheOwnNameInOwnMessages() {
        Line line = formatter.response(new ChatMessage(NOW, "bob", "hi"), "bob").getFirst();

        assertThat(line.text().substring(line.boldFrom(), line.boldTo())).isEqualTo("bob");
    }

    @Test
    void indentsContinuationLinesOfAMultiLineMessage() {
        assertThat(texts(formatter.response(new ChatMessage("", "alice", "one\ntwo"), null)))
                .containsExactly("alice: one\n  two");
    }

    @Test
    void framesAHistoryWithItsCount() {
        HistoryResponse history = new HistoryResponse(NOW, "server", List.of(
                new ChatMessage("2026-03-17T22:30:00", "alice", "first"),
                new ChatMessage("2026-03-17T22:31:00", "bob", "second")));

        assertThat(texts(formatter.response(history, "bob"))).containsExactly(
                "--- history (2 messages) ---",
                "[22:30:00] alice: first",
                "[22:31:00] bob: second",
                "--- end of history ---");
    }

    @Test
    void saysWhenTheHistoryHasOneMessageOrNone() {
        HistoryResponse one = new HistoryResponse(NOW, "server", List.of(new ChatMessage("", "a", "x")));

        assertThat(texts(formatter.response(one, null)).getFirst()).isEqualTo("--- history (1 message) ---");
        assertThat(texts(formatter.response(new HistoryResponse(NOW, "server", List.of()), null)))
                .containsExactly("--- no history yet ---");
    }

    @Test
    void marksInfoAndIndentsItsFurtherLines() {
        List<Line> lines = formatter.response(new InfoResponse(NOW, "server", "Requests:\n  login\n  help"), null);

        assertThat(texts(lines)).containsExactly("* Requests:", "    login", "    help");
        assertThat(lines).extracting(Line::tone).containsOnly(Tone.INFO);
    }

    @Test
    void marksErrors() {
        List<Line> lines = formatter.response(new ErrorResponse(NOW, "server", "Username 'x' is taken."), null);

        assertThat(texts(lines)).containsExactly("! Username 'x' is taken.");
        assertThat(lines.getFirst().tone()).isEqualTo(Tone.ERROR);
    }

    @Test
    void listsANamesResponseOfForeignServers() {
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "names", List.of("alice", "bob")), null)))
                .containsExactly("* online: alice, bob");
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "names", List.of()), null)))
                .containsExactly("* online: (none)");
    }

    @Test
    void showsOtherResponsesByKindAndContent() {
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "pong", null), null)))
                .containsExactly("* pong");
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "roll", 4), null)))
                .containsExactly("* roll: 4");
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "rooms", List.of("lobby", "dev")), null)))
                .containsExactly("* rooms: lobby, dev");
        assertThat(texts(formatter.response(new OtherResponse(NOW, "server", "whois", Map.of("name", "bob")), null)))
                .containsExactly("* whois: {name=bob}");
    }

    @Test
    void reportsConnectionChangesButNotPassingStates() {
        assertThat(texts(formatter.status(ClientStatus.CONNECTED, "Connected to 127.0.0.1:7600.")))
                .containsExactly("~ connected to 127.0.0.1:7600");
        assertThat(texts(formatter.status(ClientStatus.DISCONNECTED, "The server closed the connection. Retrying in 1 s.")))
                .containsExactly("~ disconnected: The server closed the connection. Retrying in 1 s.");
        assertThat(formatter.status(ClientStatus.CONNECTING, "Connecting...")).isEmpty();
        assertThat(formatter.status(ClientStatus.CLOSED, "Closed.")).isEmpty();
        assertThat(formatter.status(ClientStatus.CONNECTED, "x").getFirst().tone()).isEqualTo(Tone.STATUS);
    }

    @Test
    void promptShowsStatusAndName() {
        assertThat(EventFormatter.prompt(ClientStatus.CONNECTED, "alice", true)).isEqualTo("[connected alice] > ");
        assertThat(EventFormatter.prompt(ClientStatus.CONNECTED, null, true)).isEqualTo("[connected] > ");
        assertThat(EventFormatter.prompt(ClientStatus.CONNECTING, null, true)).isEqualTo("[connecting] > ");
        assertThat(EventFormatter.prompt(ClientStatus.DISCONNECTED, "alice", true)).isEqualTo("[offline, retrying] > ");
        assertThat(EventFormatter.prompt(ClientStatus.DISCONNECTED, null, false)).isEqualTo("[offline] > ");
        assertThat(EventFormatter.prompt(ClientStatus.CLOSED, null, false)).isEqualTo("[closed] > ");
    }
}
