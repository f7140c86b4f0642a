package dev.parley.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.ChatMessage;
import dev.parley.api.CommandRequest;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HelpRequest;
import dev.parley.api.HistoryFormat;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.api.OtherResponse;
import dev.parley.api.ProtocolException;
import dev.parley.api.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {

    private final WireCodec codec = new WireCodec(HistoryFormat.OBJECTS);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    @Test
    void decodesTheKtnCoreRequests() {
        assertThat(codec.decodeRequest(bytes("{\"request\":\"login\",\"content\":\"alice\"}")))
                .isEqualTo(new LoginRequest("alice"));
        assertThat(codec.decodeRequest(bytes("{\"request\":\"msg\",\"content\":\"hi there\"}")))
                .isEqualTo(new MsgRequest("hi there"));
        assertThat(codec.decodeRequest(bytes("{\"request\":\"logout\",\"content\":null}"))).isEqualTo(new LogoutRequest());
        assertThat(codec.decodeRequest(bytes("{\"request\":\"names\"}"))).isEqualTo(new NamesRequest());
        assertThat(codec.decodeRequest(bytes("{\"content\":\"None\",\"request\":\"help\"}"))).isEqualTo(new HelpRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"None\"", "\"none\""})
    void treatsEveryFormOfNoContentAlike(String content) {
        assertThat(codec.decodeRequest(bytes("{\"request\":\"custom\",\"content\":" + content + "}")))
                .isEqualTo(new CommandRequest("custom", null));
        assertThat(codec.decodeRequest(bytes("{\"request\":\"custom\"}"))).isEqualTo(new CommandRequest("custom", null));
    }

    @Test
    void decodesOtherRequestsWithJsonContent() {
        assertThat(codec.decodeRequest(bytes("{\"request\":\"roll\",\"content\":{\"sides\":6,\"tags\":[\"a\"]}}")))
                .isEqualTo(new CommandRequest("roll", Map.of("sides", 6, "tags", List.of("a"))));
    }

    @Test
    void ignoresUnknownFieldsAndToleratesCase() {
        assertThat(codec.decodeRequest(bytes("{\"request\":\"Login\",\"content\":\"bob\",\"extra\":[1,2]}")))
                .isEqualTo(new LoginRequest("bob"));
    }

    @Test
    void rejectsInvalidJsonWithAHelpfulMessage() {
        assertThatThrownBy(() -> codec.decodeRequest(bytes("{\"request\": help}")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("Invalid JSON")
                .hasMessageContaining("{\"request\": \"help\", \"content\": null}");
    }

    @Test
    void rejectsRequestsWithoutName() {
        assertThatThrownBy(() -> codec.decodeRequest(bytes("{\"content\":\"x\"}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("\"request\" field");
        assertThatThrownBy(() -> codec.decodeRequest(bytes("[1,2]")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("JSON object");
    }

    @Test
    void rejectsLoginWithoutUsername() {
        assertThatThrownBy(() -> codec.decodeRequest(bytes("{\"request\":\"login\",\"content\":null}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("needs the username");
    }

    @Test
    void encodesResponsesAsOneCompactLineWithFieldsInKtnOrder() {
        String line = text(codec.encodeResponse(new ChatMessage("2026-03-17T22:37:34", "alice", "hi \"you\"\n")));
        assertThat(line).isEqualTo("{\"timestamp\":\"2026-03-17T22:37:34\",\"sender\":\"alice\","
                + "\"response\":\"message\",\"content\":\"hi \\\"you\\\"\\n\"}\n");
    }

    @Test
    void encodesHistoryAsListOfObjectsByDefault() {
        String line = text(codec.encodeResponse(new HistoryResponse("t", "server",
                List.of(new ChatMessage("t1", "a", "one")))));
        assertThat(line).isEqualTo("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\",\"content\":"
                + "[{\"timestamp\":\"t1\",\"sender\":\"a\",\"response\":\"message\",\"content\":\"one\"}]}\n");
    }

    @Test
    void encodesHistoryAsListOfJsonStringsWhenAsked() {
        WireCodec strings = new WireCodec(HistoryFormat.STRINGS);
        String line = text(strings.encodeResponse(new HistoryResponse("t", "server",
                List.of(new ChatMessage("t1", "a", "one")))));
        assertThat(line).isEqualTo("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\",\"content\":"
                + "[\"{\\\"timestamp\\\":\\\"t1\\\",\\\"sender\\\":\\\"a\\\",\\\"response\\\":\\\"message\\\","
                + "\\\"content\\\":\\\"one\\\"}\"]}\n");
    }

    @Test
    void roundTripsEveryResponseKind() {
        List<Response> responses = List.of(
                new ChatMessage("t", "alice", "hello"),
                new ErrorResponse("t", "server", "bad"),
                new InfoResponse("t", "server", "good"),
                new HistoryResponse("t", "server", List.of(new ChatMessage("t0", "bob", "old"))),
                new OtherResponse("t", "server", "custom", Map.of("k", List.of(1, "two"))));
        for (HistoryFormat format : HistoryFormat.values()) {
            WireCodec writer = new WireCodec(format);
            for (Response r : responses) {
                byte[] line = writer.encodeResponse(r).array();
                assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
                assertThat(codec.decodeResponse(java.util.Arrays.copyOf(line, line.length - 1))).isEqualTo(r);
            }
        }
    }

    @Test
    void encodesRequestsAsKtnClientsDo() {
        assertThat(text(codec.encodeRequest(new LoginRequest("alice"))))
                .isEqualTo("{\"request\":\"login\",\"content\":\"alice\"}\n");
        assertThat(text(codec.encodeRequest(new NamesRequest()))).isEqualTo("{\"request\":\"names\",\"content\":null}\n");
    }

    // ---- server variants a client must survive ----

    private static final ChatMessage OLD = new ChatMessage("12:00", "bob", "old");

    @Test
    void readsHistoryAsListOfObjects() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\","
                + "\"content\":[{\"timestamp\":\"12:00\",\"sender\":\"bob\",\"response\":\"message\",\"content\":\"old\"}]}")))
                .isEqualTo(new HistoryResponse("t", "server", List.of(OLD)));
    }

    @Test
    void readsHistoryAsListOfJsonStrings() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\","
                + "\"content\":[\"{\\\"timestamp\\\":\\\"12:00\\\",\\\"sender\\\":\\\"bob\\\",\\\"response\\\":"
                + "\\\"message\\\",\\\"content\\\":\\\"old\\\"}\"]}")))
                .isEqualTo(new HistoryResponse("t", "server", List.of(OLD)));
    }

    @Test
    void readsHistoryAsOneStringHoldingTheList() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\","
                + "\"content\":\"[{\\\"timestamp\\\":\\\"12:00\\\",\\\"sender\\\":\\\"bob\\\",\\\"content\\\":\\\"old\\\"}]\"}")))
                .isEqualTo(new HistoryResponse("t", "server", List.of(OLD)));
    }

    @Test
    void readsHistoryAsSingleMessageObject() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":\"t\",\"sender\":\"server\",\"response\":\"history\","
                + "\"content\":{\"timestamp\":\"12:00\",\"sender\":\"bob\",\"response\":\"message\",\"content\":\"old\"}}")))
                .isEqualTo(new HistoryResponse("t", "server", List.of(OLD)));
    }

    @Test
    void readsEmptyOrNullHistory() {
        assertThat(codec.decodeResponse(bytes("{\"response\":\"history\",\"content\":[]}")))
                .isEqualTo(new HistoryResponse("", "", List.of()));
        assertThat(codec.decodeResponse(bytes("{\"response\":\"history\",\"content\":null}")))
                .isEqualTo(new HistoryResponse("", "", List.of()));
    }

    @Test
    void readsMsgAsMessageAndNumericTimestamps() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":1710712654,\"sender\":\"bob\",\"response\":\"msg\",\"content\":\"hey\"}")))
                .isEqualTo(new ChatMessage("1710712654", "bob", "hey"));
    }

    @Test
    void readsNamesResponseWithList() {
        assertThat(codec.decodeResponse(bytes("{\"timestamp\":\"2026-03-17T22:37:34Z\",\"sender\":\"server\","
                + "\"response\":\"names\",\"content\":[\"a\",\"b\"]}")))
                .isEqualTo(new OtherResponse("2026-03-17T22:37:34Z", "server", "names", List.of("a", "b")));
    }

    @Test
    void rejectsResponseWithoutKind() {
        assertThatThrownBy(() -> codec.decodeResponse(bytes("{\"content\":\"x\"}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("\"response\" field");
    }
}
