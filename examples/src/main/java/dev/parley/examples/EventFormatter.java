package dev.parley.examples;

import dev.parley.api.ChatMessage;
import dev.parley.api.ClientStatus;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.OtherResponse;
import dev.parley.api.Response;
import dev.parley.examples.Line.Tone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what the client hears into lines of text: {@code [22:37:34] alice: hello} for a message,
 * {@code * text} for information, {@code ! text} for errors, {@code ~ text} for the connection.
 *
 * <p>Timestamps are shown as the server gave them, with one exception: Parley's own form, an
 * ISO-8601 local date-time such as {@code 2026-03-17T22:37:34}, is shown as its time of day
 * {@code 22:37:34}. Other forms ({@code 22:37}, {@code ...Z}, epoch numbers) appear unchanged, and
 * an empty timestamp drops the brackets. Continuation lines of multi-line texts are indented by two
 * spaces. Pure functions; thread-safe.
 */
final class EventFormatter {

    private static final Pattern ISO_LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?");

    private final String server;

    /** A formatter for a client of {@code server}, written as {@code host:port}. */
    EventFormatter(String server) {
        this.server = server;
    }

    /** The lines for {@code response}; {@code ownName} (or {@code null}) is emphasised where it is the sender. */
    List<Line> response(Response response, String ownName) {
        return switch (response) {
            case ChatMessage m -> List.of(message(m, ownName));
            case InfoResponse i -> info(i.text());
            case ErrorResponse e -> error(e.text());
            case HistoryResponse h -> history(h.messages(), ownName);
            case OtherResponse o when o.kind().equals("names") -> info("online: " + value(o.content()));
            case OtherResponse o -> info(o.content() == null ? o.kind() : o.kind() + ": " + value(o.content()));
        };
    }

    /** The lines for a status change; none for the passing {@code CONNECTING} and for {@code CLOSED}. */
    List<Line> status(ClientStatus status, String detail) {
        return switch (status) {
            case CONNECTED -> List.of(Line.of(Tone.STATUS, "~ connected to " + server));
            case DISCONNECTED -> List.of(Line.of(Tone.STATUS, "~ disconnected: " + detail));
            case CONNECTING, CLOSED -> List.of();
        };
    }

    /** The prompt of the interactive client, such as {@code [connected alice] > }. */
    static String prompt(ClientStatus status, String username, boolean retrying) {
        return switch (status) {
            case CONNECTED -> username == null ? "[connected] > " : "[connected " + username + "] > ";
            case CONNECTING -> "[connecting] > ";
            case DISCONNECTED -> retrying ? "[offline, retrying] > " : "[offline] > ";
            case CLOSED -> "[closed] > ";
        };
    }

    static List<Line> info(String text) {
        return block(Tone.INFO, "* ", text);
    }

    static List<Line> error(String text) {
        return block(Tone.ERROR, "! ", text);
    }

    /** How a timestamp is shown; see the class comment. */
    static String time(String timestamp) {
        Matcher iso = ISO_LOCAL.matcher(timestamp);
        return iso.matches() ? iso.group(1) : timestamp;
    }

    private static Line message(ChatMessage m, String ownName) {
        String stamp = m.timestamp().isEmpty() ? "" : "[" + time(m.timestamp()) + "] ";
        String text = stamp + m.sender() + ": " + m.text().replace("\n", "\n  ");
        boolean own = !m.sender().isEmpty() && m.sender().equals(ownName);
        return own ? new Line(Tone.MESSAGE, text, stamp.length(), stamp.length() + m.sender().length())
                : Line.of(Tone.MESSAGE, text);
    }

    private static List<Line> history(List<ChatMessage> messages, String ownName) {
        if (messages.isEmpty()) {
            return List.of(Line.of(Tone.INFO, "--- no history yet ---"));
        }
        List<Line> lines = new ArrayList<>(messages.size() + 2);
        lines.add(Line.of(Tone.INFO, "--- history (" + messages.size()
                + (messages.size() == 1 ? " message" : " messages") + ") ---"));
        messages.forEach(m -> lines.add(message(m, ownName)));
        lines.add(Line.of(Tone.INFO, "--- end of history ---"));
        return lines;
    }

    private static List<Line> block(Tone tone, String marker, String text) {
        List<Line> lines = new ArrayList<>();
        for (String part : text.split("\\R", -1)) {
            lines.add(Line.of(tone, (lines.isEmpty() ? marker : "  ") + part));
        }
        return lines;
    }

    private static String value(Object content) {
        if (content instanceof Collection<?> items) {
            return items.isEmpty() ? "(none)" : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(content);
    }
}
