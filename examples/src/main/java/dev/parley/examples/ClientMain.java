package dev.parley.examples;

import dev.parley.api.ChatClient;
import dev.parley.api.ChatException;
import dev.parley.api.ServerConfig;
import dev.parley.engine.ClientBuilder;
import dev.parley.engine.Parley;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The example terminal client: interactive on a terminal, one line per event when its input is a
 * pipe or a file (or with {@code --plain}), so that it can be scripted. Not thread-safe;
 * {@link #call()} runs once per instance.
 */
@Command(name = "parley client", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Version.class,
        description = "Chats with a Parley server or any other KTN server. Type /help once connected.")
public final class ClientMain implements Callable<Integer> {

    @Option(names = "--host", description = "The server's host (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "The server's port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--transport", description = "The transport provider (default: ${DEFAULT-VALUE}).")
    String transport = "socket";

    @Option(names = "--no-reconnect", description = "Give up when the connection fails or is lost,"
            + " instead of retrying every 0.5 s, doubling up to 30 s.")
    boolean noReconnect;

    @Option(names = "--plain", description = "Line mode even on a terminal: no prompt, no colours,"
            + " one line per event (the mode used when the input is not a terminal).")
    boolean plain;

    @Option(names = "--debug", description = "Log connections at DEBUG level on stderr.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(ServerMain.commandLine(new ClientMain()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        quietLogging(debug);
        ChatConsole console = plain || !terminalAttached() ? new LineConsole(new InputStreamReader(System.in), System.out)
                : InteractiveConsole.open();
        ClientSession session = new ClientSession(new EventFormatter(host + ":" + port), console, !noReconnect);
        ClientBuilder builder = Parley.client().address(host, port).transport(transport).listener(session);
        if (!noReconnect) {
            builder.reconnect(Duration.ofMillis(500), Duration.ofSeconds(30));
        }
        ChatClient client;
        try {
            client = builder.connect();
        } catch (ChatException e) {
            console.close();
            System.err.println("parley client: " + e.getMessage());
            return 1;
        }
        session.attach(client);
        console.run(session);
        return 0;
    }

    /** Log lines would break into the chat: WARN unless asked otherwise. Runs before any logger exists. */
    private static void quietLogging(boolean debug) {
        if (debug) {
            System.setProperty("parley.log.level", "DEBUG");
        } else if (System.getProperty("parley.log.level") == null && System.getenv("PARLEY_LOG_LEVEL") == null) {
            System.setProperty("parley.log.level", "WARN");
        }
    }

    /** Whether input and output are a terminal: {@code Console.isTerminal()} on JDK 22+, a console on 21. */
    static boolean terminalAttached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21 has a console only when both are a terminal
        }
    }
}
