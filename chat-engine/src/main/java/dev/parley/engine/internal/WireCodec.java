package dev.parley.engine.internal;

import dev.parley.api.ChatMessage;
import dev.parley.api.CommandRequest;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HelpRequest;
import dev.parley.api.HistoryFormat;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.RegisterRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.api.OtherResponse;
import dev.parley.api.ProtocolException;
import dev.parley.api.Request;
import dev.parley.api.Response;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts between JSON frames and {@link dev.parley.api.Message} records, strict in what it
 * writes and tolerant in what it reads, as {@code ktn-core.md} asks.
 *
 * <p>Writes one compact object per line, newline-terminated, with the fields in the order
 * {@code timestamp, sender, response, content} (responses) or {@code request, content}
 * (requests). Thread-safe and stateless apart from its immutable mapper.
 */
public final class WireCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HistoryFormat historyFormat;

    /** A codec that writes {@code history} responses in {@code historyFormat}. */
    public WireCodec(HistoryFormat historyFormat) {
        this.historyFormat = historyFormat;
    }

    // ---- server side: requests in, responses out ------------------------------------------------

    /**
     * Reads a request frame.
     *
     * @throws ProtocolException with a message fit to send back to the peer
     */
    public Request decodeRequest(byte[] frame) {
        JsonNode root = parse(frame);
        if (!root.isObject()) {
            throw new ProtocolException("A request must be a JSON object such as {\"request\": \"help\", \"content\": null}.");
        }
        JsonNode name = root.get("request");
        if (name == null || !name.isString() || name.stringValue().isBlank()) {
            throw new ProtocolException("The request has no \"request\" field naming what to do;"
                    + " send {\"request\": \"help\", \"content\": null} to list the requests.");
        }
        JsonNode content = root.get("content");
        String request = name.stringValue().strip().toLowerCase(Locale.ROOT);
        return switch (request) {
            case "login" -> content != null && content.isObject()
                    ? new LoginRequest(requireField(content, "login", "username"), requireField(content, "login", "password"))
                    : new LoginRequest(requireText(content, "login", "the username"));
            case "register" -> {
                if (content == null || !content.isObject()) {
                    throw new ProtocolException("The register request needs {\"username\": ..., \"password\": ...}"
                            + " as its content.");
                }
                yield new RegisterRequest(requireField(content, "register", "username"),
                        requireField(content, "register", "password"));
            }
            case "msg" -> new MsgRequest(requireText(content, "msg", "the message text"));
            case "logout" -> new LogoutRequest();
            case "names" -> new NamesRequest();
            case "help" -> new HelpRequest();
            default -> new CommandRequest(request, isAbsent(content) ? null : toJava(content));
        };
    }

    /** Writes a response as one line of compact JSON. */
    public ByteBuffer encodeResponse(Response response) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("timestamp", response.timestamp());
        node.put("sender", response.sender());
        node.put("response", response.kind());
        switch (response) {
            case ChatMessage m -> node.put("content", m.text());
            case ErrorResponse e -> node.put("content", e.text());
            case InfoResponse i -> node.put("content", i.text());
            case HistoryResponse h -> node.set("content", history(h.messages()));
            case OtherResponse o -> node.set("content", MAPPER.valueToTree(o.content()));
        }
        return line(node);
    }

    private ArrayNode history(List<ChatMessage> messages) {
        ArrayNode list = MAPPER.createArrayNode();
        for (ChatMessage m : messages) {
            ObjectNode item = MAPPER.createObjectNode();
            item.put("timestamp", m.timestamp());
            item.put("sender", m.sender());
            item.put("response", m.kind());
            item.put("content", m.text());
            switch (historyFormat) {
                case OBJECTS -> list.add(item);
                case STRINGS -> list.add(MAPPER.writeValueAsString(item));
            }
        }
        return list;
    }

    // ---- client side: requests out, responses in ------------------------------------------------

    /** Writes a request as one line of compact JSON. */
    public ByteBuffer encodeRequest(Request request) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("request", request.name());
        node.set("content", MAPPER.valueToTree(request.content()));
        return line(node);
    }

    /**
     * Reads a response from any KTN server variant: {@code msg} for {@code message}, history as
     * a list of objects, a list of JSON strings, one string holding the whole list, or a single
     * message; timestamps as strings or numbers; missing fields.
     *
     * @throws ProtocolException when the frame is not a JSON object with a response kind
     */
    public Response decodeResponse(byte[] frame) {
        JsonNode root = parse(frame);
        if (!root.isObject()) {
            throw new ProtocolException("Expected a JSON object from the server, got: " + excerpt(root.toString()));
        }
        String kind = text(root.get("response"));
        if (kind.isEmpty()) {
            throw new ProtocolException("The server sent an object without a \"response\" field: "
                    + excerpt(root.toString()));
        }
        String timestamp = text(root.get("timestamp"));
        String sender = text(root.get("sender"));
        JsonNode content = root.get("content");
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "message", "msg" -> new ChatMessage(timestamp, sender, text(content));
            case "error" -> new ErrorResponse(timestamp, sender, text(content));
            case "info" -> new InfoResponse(timestamp, sender, text(content));
            case "history" -> new HistoryResponse(timestamp, sender, historyItems(content));
            default -> new OtherResponse(timestamp, sender, kind, isAbsent(content) ? null : toJava(content));
        };
    }

    private List<ChatMessage> historyItems(JsonNode content) {
        List<ChatMessage> out = new ArrayList<>();
        collectHistory(content, out, 0);
        return out;
    }

    private void collectHistory(JsonNode node, List<ChatMessage> out, int level) {
        if (node == null || node.isNull() || level > 3) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collectHistory(item, out, level + 1);
            }
        } else if (node.isString()) {
            String s = node.stringValue().strip();
            if (s.startsWith("{") || s.startsWith("[")) {
                collectHistory(parse(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)), out, level + 1);
            }
        } else if (node.isObject()) {
            out.add(new ChatMessage(text(node.get("timestamp")), text(node.get("sender")), text(node.get("content"))));
        }
    }

    // ---- shared ----------------------------------------------------------------------------------

    private static JsonNode parse(byte[] frame) {
        try {
            return MAPPER.readTree(frame);
        } catch (JacksonException e) {
            throw new ProtocolException("Invalid JSON: " + e.getOriginalMessage()
                    + ". Send one JSON object per request, such as {\"request\": \"help\", \"content\": null}.", e);
        }
    }

    private static ByteBuffer line(ObjectNode node) {
        byte[] json = MAPPER.writeValueAsBytes(node);
        byte[] framed = java.util.Arrays.copyOf(json, json.length + 1);
        framed[json.length] = '\n';
        return ByteBuffer.wrap(framed);
    }

    /** Peers send null, nothing, "", "None" or "none" for requests without an argument. */
    private static boolean isAbsent(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return true;
        }
        if (content.isString()) {
            String s = content.stringValue();
            return s.isEmpty() || s.equals("None") || s.equals("none");
        }
        return false;
    }

    private static String requireText(JsonNode content, String request, String what) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw new ProtocolException("The " + request + " request needs " + what + " as its content.");
        }
        if (content.isContainer()) {
            throw new ProtocolException("The content of a " + request + " request must be text: " + what + ".");
        }
        return content.isString() ? content.stringValue() : content.asString();
    }

    private static String requireField(JsonNode content, String request, String field) {
        JsonNode value = content.get(field);
        if (value == null || !value.isString()) {
            throw new ProtocolException("The " + request + " request needs a \"" + field + "\" text in its content,"
                    + " such as {\"username\": \"alice\", \"password\": \"...\"}.");
        }
        return value.stringValue();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isString() ? node.stringValue() : node.isValueNode() ? node.asString() : node.toString();
    }

    private static Object toJava(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    private static String excerpt(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
