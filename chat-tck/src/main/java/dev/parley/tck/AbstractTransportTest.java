package dev.parley.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.TransportConfig;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionInitializer;
import dev.parley.spi.Transport;
import dev.parley.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The fixture under {@link TransportConformanceTest}: the hooks a provider's test overrides, and
 * binding, connecting and cleaning up so that every test ends with every connection and listener
 * closed, every handler having heard {@code onClosed}, and no breach of the
 * {@link dev.parley.spi.ConnectionHandler} contract.
 *
 * <p>One instance per test method, as JUnit makes them; not thread-safe beyond what the tests need.
 */
public abstract class AbstractTransportTest {

    /** How long any one expected event may take. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final List<Connection> clients = new CopyOnWriteArrayList<>();
    private final List<RecordingInitializer> initializers = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> gates = new CopyOnWriteArrayList<>();

    /** The transport under test; a new or shared instance, called as often as needed. */
    protected abstract TransportProvider provider();

    /** The settings the suite uses unless a test needs others: short timeouts, default sizes. */
    protected TransportConfig config() {
        return TransportConfig.DEFAULT.withConnectTimeout(Duration.ofSeconds(2)).withWriteTimeout(Duration.ofSeconds(5));
    }

    /**
     * Shuts down the output of a connection made by {@link #provider()} (a TCP half-close). The
     * SPI has no such operation, so the half-close test is skipped unless a subclass overrides
     * this with the transport's own means.
     */
    protected void shutdownOutput(Connection connection) {
        Assumptions.abort("the transport offers no half-close; override shutdownOutput to test it");
    }

    @AfterEach
    void closeEverythingAndCheckTheHandlerContract() {
        gates.forEach(CountDownLatch::countDown);
        clients.forEach(Connection::close);
        transports.forEach(Transport::close);
        List<RecordingHandler> all = initializers.stream().flatMap(i -> i.handlers().stream()).toList();
        for (RecordingHandler h : all) {
            h.awaitClosed(TIMEOUT);
        }
        assertThat(all).allSatisfy(h -> assertThat(h.violations()).as("contract breaches of %s", h).isEmpty());
    }

    /** Binds {@code 127.0.0.1} port 0; closed after the test. */
    protected Transport bind(TransportConfig config, ConnectionInitializer initializer) {
        return bind(config, initializer, ANY_LOOPBACK_PORT);
    }

    Transport bind(TransportConfig config, ConnectionInitializer initializer, InetSocketAddress address) {
        if (initializer instanceof RecordingInitializer recording) {
            initializers.add(recording);
        }
        Transport transport = provider().bind(address, config, initializer);
        transports.add(transport);
        return transport;
    }

    /** Connects to {@code transport} with the suite's config; the handler comes from {@code factory}. */
    protected RecordingHandler connect(Transport transport, Function<Connection, RecordingHandler> factory) {
        RecordingInitializer initializer = new RecordingInitializer(factory);
        initializers.add(initializer);
        Connection connection = provider().connect(transport.localAddress(), config(), initializer);
        clients.add(connection);
        return initializer.awaitHandlerOf(connection, TIMEOUT);
    }

    /** A latch released after the test at the latest, so no transport thread stays blocked. */
    CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    static void await(CountDownLatch gate) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
