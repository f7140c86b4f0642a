package dev.parley.engine.internal;

import dev.parley.engine.Command;
import java.util.Collection;
import java.util.Comparator;

/** The text of the {@code help} response: the KTN core requests, then the registered commands. */
final class HelpText {

    private HelpText() {
    }

    static String of(Collection<Command> commands) {
        StringBuilder text = new StringBuilder("""
                Send one JSON object per request: {"request": "<name>", "content": <argument or null>}.
                Requests:
                  login <username>  log in as a guest (letters A-Z, a-z and digits only)
                  login {"username": <name>, "password": <password>}
                                    log in to a registered account
                  register {"username": <name>, "password": <password>}
                                    register an account and log in to it
                  logout            log out and disconnect
                  msg <text>        send a message to everyone logged in
                  names             list the users logged in
                  help              show this text""");
        commands.stream().sorted(Comparator.comparing(Command::name)).forEach(c ->
                text.append("\n  ").append(c.summary().isBlank() ? c.name() : c.summary()));
        return text.toString();
    }
}
