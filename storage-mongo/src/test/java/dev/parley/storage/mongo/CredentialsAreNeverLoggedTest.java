package dev.parley.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import dev.parley.storage.mongo.internal.MongoStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passwords from the location, the options and the environment appear in no log line (the test
 * logger, slf4j-simple, writes Parley's DEBUG and the driver's INFO lines to standard error) and
 * in no exception message.
 */
class CredentialsAreNeverLoggedTest {

    private static final String SECRET = "Tr0ub4dor-and-3";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
        originalErr.print(captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPasswordFromTheEnvironmentIsNotLoggedWhenTheServerRefusesIt() {
        try (InProcessMongo mongo = new InProcessMongo()) {
            UnaryOperator<String> env = Map.of("PARLEY_DB_USER", "ann", "PARLEY_DB_PASSWORD", SECRET)::get;
            assertThatThrownBy(() -> MongoStorage.open(StorageConfig.of(mongo.newLocation()), env))
                    .isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(chain(e)).doesNotContain(SECRET).contains("ann:****@"));
        }
        assertThat(logged()).isNotEmpty().doesNotContain(SECRET);
    }

    @Test
    void aPasswordFromTheLocationIsNotLoggedWhenTheServerIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String location = "mongodb://ann:" + SECRET + "@127.0.0.1:" + port + "/parley?serverSelectionTimeoutMS=300";
        assertThatThrownBy(() -> MongoStorage.open(StorageConfig.of(location), name -> null))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(chain(e)).doesNotContain(SECRET));
        assertThat(logged()).doesNotContain(SECRET);
    }

    @Test
    void aPasswordFromTheOptionsIsNotLoggedWhenTheServerRefusesIt() {
        try (InProcessMongo mongo = new InProcessMongo()) {
            StorageConfig config = StorageConfig.of(mongo.newLocation())
                    .withOptions(Map.of("user", "ann", "password", SECRET));
            assertThatThrownBy(() -> MongoStorage.open(config, name -> null))
                    .isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(chain(e)).doesNotContain(SECRET));
        }
        assertThat(logged()).isNotEmpty().doesNotContain(SECRET);
    }

    private String logged() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
