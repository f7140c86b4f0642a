package dev.parley.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening a store that cannot be reached, or that refuses the credentials, says what to check. */
class MongoConnectionFailureTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void anUnreachableServerFailsTheOpenQuicklyNamingTheHostAndWhatToCheck() throws IOException {
        int port = freePort();
        String location = "mongodb://ann:" + SECRET + "@127.0.0.1:" + port + "/parley?serverSelectionTimeoutMS=500";
        long started = System.nanoTime();
        StorageException e = catchThrowableOfType(StorageException.class,
                () -> new MongoStorageProvider().open(StorageConfig.of(location)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(e.getMessage())
                .contains("127.0.0.1:" + port)
                .contains("could not be reached within 500 ms")
                .contains("Connection refused")
                .contains("is running and accepts connections")
                .contains("serverSelectionTimeoutMS")
                .contains("mongodb://ann:****@127.0.0.1:" + port)
                .doesNotContain(SECRET);
        assertThat(everyMessageOf(e)).doesNotContain(SECRET);
    }

    @Test
    void refusedCredentialsFailTheOpenNamingTheUserAndWhereCredentialsComeFrom() {
        // mongo-java-server does not implement authentication, so any login is refused: this
        // checks how a refusal is reported, not MongoDB's password check.
        try (InProcessMongo mongo = new InProcessMongo()) {
            StorageConfig config = StorageConfig.of("mongodb://" + mongo.hostAndPort() + "/parley")
                    .withOptions(Map.of("user", "ann", "password", SECRET));
            StorageException e = catchThrowableOfType(StorageException.class,
                    () -> new MongoStorageProvider().open(config));
            assertThat(e.getMessage())
                    .contains("mongodb://ann:****@" + mongo.hostAndPort())
                    .contains("refused the credentials")
                    .contains("user 'ann'")
                    .contains("PARLEY_DB_USER")
                    .doesNotContain(SECRET);
            assertThat(everyMessageOf(e)).doesNotContain(SECRET);
        }
    }

    private static String everyMessageOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        return all.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
