package dev.parley.examples;

import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.api.Request;
import java.util.Locale;

/**
 * Parses a line the user typed into what the client should do. Pure functions; thread-safe.
 *
 * <p>A line starting with {@code /} is a command; {@code //} escapes a message that starts with
 * {@code /}; a blank line does nothing; anything else is a message, sent as typed.
 */
final class ClientCommands {

    /** The client's own commands, for {@code /help} and for mistyped commands. */
    static final String USAGE = """
            client commands:
              /login NAME     log in as NAME: asks for the password (not shown);
                              press Enter without one to log in as a guest
              /register NAME  register the account NAME: asks for a new password twice
              /logout      log out (the server then closes the connection)
              /names       list the users online
              /help        show this list and the server's help
              /quit        log out and leave
              text         send text to everyone; start it with // to send a text beginning with /""";

    /** What a typed line asks for. */
    sealed interface Action {
        /** Send this request to the server. */
        record Send(Request request) implements Action { }
        /** Ask for the password of {@code name} (empty for a guest), then log in. */
        record Login(String name) implements Action { }
        /** Ask for a new password for {@code name} twice, then register. */
        record Register(String name) implements Action { }
        /** Show the client's commands and ask the server for its help. */
        record Help() implements Action { }
        record Quit() implements Action { }
        record Nothing() implements Action { }
        /** A mistake the client reports itself, without asking the server. */
        record Invalid(String problem) implements Action { }
    }

    private ClientCommands() {
    }

    static Action parse(String line) {
        if (line == null || line.isBlank()) {
            return new Action.Nothing();
        }
        if (line.startsWith("//")) {
            return send(new MsgRequest(line.substring(1)));
        }
        if (!line.startsWith("/")) {
            return send(new MsgRequest(line));
        }
        String[] parts = line.substring(1).split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "login" -> argument.isEmpty() || argument.contains(" ")
                    ? new Action.Invalid("/login needs one name, such as /login alice; the password is asked for next")
                    : new Action.Login(argument);
            case "register" -> argument.isEmpty() || argument.contains(" ")
                    ? new Action.Invalid("/register needs one name, such as /register alice; the password is asked for next")
                    : new Action.Register(argument);
            case "logout" -> send(new LogoutRequest());
            case "names" -> send(new NamesRequest());
            case "help" -> new Action.Help();
            case "quit" -> new Action.Quit();
            default -> new Action.Invalid("unknown command '" + line.strip() + "'\n" + USAGE);
        };
    }

    private static Action send(Request request) {
        return new Action.Send(request);
    }
}
