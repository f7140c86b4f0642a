package dev.parley.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.parley.api.TransportConfig;
import dev.parley.spi.Connection;
import dev.parley.spi.Transport;
import dev.parley.tck.RecordingHandler;
import dev.parley.tck.RecordingInitializer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** After {@link Transport#close()} no descriptor and no thread of the transport is left. */
@Timeout(30)
class ResourceReleaseIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    private final SocketTransportProvider provider = new SocketTransportProvider();

    @TempDir
    Path dumps;

    @Test
    void closingReleasesEveryDescriptorAndThread() throws IOException {
        exchangeOnManyConnections(5);
        long baseline = openFiles();

        exchangeOnManyConnections(50);

        awaitUntil(() -> openFiles() <= baseline, () -> "open files " + openFiles() + ", before " + baseline);
        awaitUntil(() -> transportThreads().isEmpty(), () -> "threads left: " + transportThreads());
    }

    /** Serves {@code count} echoing clients, then closes the clients and the listener. */
    private void exchangeOnManyConnections(int count) {
        RecordingInitializer server = new RecordingInitializer(c -> new RecordingHandler(c).echoing());
        RecordingInitializer clientSide = new RecordingInitializer();
        List<Connection> clients = new ArrayList<>();
        try (Transport transport = provider.bind(ANY_PORT, TransportConfig.DEFAULT, server)) {
            for (int i = 0; i < count; i++) {
                Connection client = provider.connect(transport.localAddress(), TransportConfig.DEFAULT, clientSide);
                clients.add(client);
                client.send(ByteBuffer.wrap(new byte[] {(byte) i}));
            }
            for (Connection client : clients) {
                clientSide.awaitHandlerOf(client, TIMEOUT).awaitBytes(1, TIMEOUT);
            }
            assertThat(transportThreads()).anyMatch(name -> name.startsWith("parley-socket-accept-"))
                    .anyMatch(name -> name.startsWith("parley-socket-read-127.0.0.1:"))
                    .anyMatch(name -> name.startsWith("parley-socket-write-127.0.0.1:"));
            clients.forEach(Connection::close);
        }
        for (RecordingHandler h : clientSide.handlers()) {
            h.awaitClosed(TIMEOUT);
        }
        assertThat(server.handlers()).allSatisfy(h -> assertThat(h.isClosed()).isTrue());
    }

    private static long openFiles() {
        try (var files = Files.list(OPEN_FILES)) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError("cannot count open files in " + OPEN_FILES, e);
        }
    }

    /** Names of live threads, virtual ones included, that belong to the socket transport. */
    private List<String> transportThreads() {
        try {
            Path dump = Files.createTempFile(dumps, "threads", ".json");
            Files.delete(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Matcher m = Pattern.compile("\"name\": \"(parley-socket-[^\"]*)\"").matcher(Files.readString(dump));
            List<String> names = new ArrayList<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new AssertionError("cannot dump threads", e);
        }
    }

    /**
     * Polls {@code condition}: descriptors and virtual threads end a moment after the last
     * handler hears onClosed, and there is no event to await for that.
     */
    private static void awaitUntil(Supplier<Boolean> condition, Supplier<String> state) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + TIMEOUT.toMillis() + " ms: " + state.get());
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
