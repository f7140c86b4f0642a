package dev.parley.examples;

import dev.parley.api.ChatException;
import dev.parley.api.ChatServer;
import dev.parley.api.HistoryFormat;
import dev.parley.api.ServerConfig;
import dev.parley.api.TransportConfig;
import dev.parley.engine.Parley;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The example chat server: a Parley server on a socket with the file store (or the storage that
 * {@code --storage} names), run until Ctrl+C.
 *
 * <p>Start-up errors (port in use, data directory locked) are printed as one line, exit code 1.
 * Not thread-safe; {@link #call()} runs once per instance.
 */
@Command(name = "parley server", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Version.class,
        description = "Runs a Parley chat server that any KTN client can use.")
public final class ServerMain implements Callable<Integer> {

    private static final ServerConfig DEFAULTS = ServerConfig.builder().build();

    @Option(names = "--host", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--data", description = "The directory of the file store (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("./data");

    @Option(names = "--storage", paramLabel = "URL", description = "Where the data lives, instead of --data:"
            + " file:DIR, or mongodb://[user@]host/db (the password may come from PARLEY_DB_PASSWORD).")
    String storage;

    @Option(names = "--transport", description = "The transport provider (default: ${DEFAULT-VALUE}).")
    String transport = "socket";

    @Option(names = "--history-format", paramLabel = "objects|strings", defaultValue = "objects",
            description = "How history is sent: a list of message objects, or a list of JSON strings"
                    + " for KTN clients that need that (default: ${DEFAULT-VALUE}).")
    HistoryFormat historyFormat;

    @Option(names = "--history-on-login", paramLabel = "N",
            description = "How many of the newest messages a client gets at login (default: ${DEFAULT-VALUE}).")
    int historyOnLogin = DEFAULTS.historyOnLogin();

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES", description = "The largest request a client may"
            + " send; a larger one is refused and the client disconnected (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes = DEFAULTS.maxFrameBytes();

    @Option(names = "--max-outbound-bytes", paramLabel = "BYTES", description = "Bytes queued for one client"
            + " before it counts as too slow and is disconnected (default: ${DEFAULT-VALUE}).")
    int maxOutboundBytes = TransportConfig.DEFAULT.maxOutboundBytes();

    @Option(names = "--debug", description = "Log sessions and connections at DEBUG level.")
    boolean debug;

    @picocli.CommandLine.Mixin
    AccessOptions access = new AccessOptions();

    public static void main(String[] args) {
        System.exit(commandLine(new ServerMain()).execute(args));
    }

    static CommandLine commandLine(Object command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (debug) {
            System.setProperty("parley.log.level", "DEBUG");
        }
        ChatServer server;
        try {
            // Building the configuration checks the option values (ConfigurationException is a ChatException).
            server = Parley.server()
                    .config(DEFAULTS.toBuilder().address(host, port).historyFormat(historyFormat)
                            .historyOnLogin(historyOnLogin).maxFrameBytes(maxFrameBytes)
                            .accounts(access.accounts()).limits(access.limits()).build())
                    .transport(transport)
                    .transportConfig(TransportConfig.DEFAULT.withMaxOutboundBytes(maxOutboundBytes))
                    .storage(storage != null ? storage : "file:" + data)
                    .start();
        } catch (ChatException e) {
            System.err.println("parley server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close(); // flushes the storage before the JVM exits
            } catch (ChatException e) {
                System.err.println("parley server: stopping failed: " + e.getMessage());
            }
            stopped.countDown();
        }, "parley-shutdown"));
        InetSocketAddress address = server.address();
        System.out.println("Parley server listening on " + address.getHostString() + ":" + address.getPort()
                + " (" + (storage != null ? "storage " + storage.substring(0, storage.indexOf(':')) // no credentials
                : "data in " + data) + "). Press Ctrl+C to stop.");
        stopped.await(); // returns only while the JVM shuts down, which ends once the hook is done
        return 0;
    }
}
