package dev.parley.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.StorageConfig;
import dev.parley.api.StorageException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory lock holds against another process, not only within this JVM. */
class DirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryHeldByAnotherProcessRefusesToOpenUntilThatProcessCloses() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("locked");

            assertThatThrownBy(() -> FileStorage.open(dir, StorageConfig.of("file:x")))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("is in use by another Parley server")
                    .hasMessageContaining(dir.resolve("parley.lock").toString());

            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
            try (FileStorage storage = FileStorage.open(dir, StorageConfig.of("file:x"))) {
                assertThat(storage.messages().latest("lobby", 1)).isEmpty();
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
