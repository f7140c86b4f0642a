package dev.parley.engine;

import dev.parley.api.ConfigurationException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request an embedding application adds to the protocol, answered by its {@link CommandHandler}.
 *
 * <p>A client sends it as {@code {"request": name, "content": ...}}; the {@code help} response
 * lists it with its summary.
 *
 * @param name          the request name: lower-case letters, digits, {@code -} and {@code _};
 *                      not one of the KTN core names
 * @param summary       one line for the help text, such as {@code "roll <sides>: roll a die"}
 * @param loginRequired whether the client must be logged in; if so, others get an error
 * @param handler       what answers it
 */
public record Command(String name, String summary, boolean loginRequired, CommandHandler handler) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** The names the KTN core reserves. */
    public static final Set<String> CORE_NAMES = Set.of("login", "logout", "msg", "names", "help");

    public Command {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(handler, "handler");
        if (!NAME.matcher(name).matches()) {
            throw new ConfigurationException("command name '" + name
                    + "' must be 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (CORE_NAMES.contains(name)) {
            throw new ConfigurationException("command name '" + name + "' is a KTN core request; pick another name");
        }
    }

    /** A command that requires login. */
    public static Command of(String name, String summary, CommandHandler handler) {
        return new Command(name, summary, true, handler);
    }
}
