package dev.parley.storage.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.StorageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void changesSurviveReopenAndSeveralKeysChangeAtomically() {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, "things", true)) {
            j.apply(List.of(Journal.Op.put("a", bytes("1")), Journal.Op.put("b", bytes("2"))));
            j.apply(List.of(Journal.Op.remove("a"), Journal.Op.put("c", bytes("3"))));
        }
        try (Journal j = Journal.open(file, "things", true)) {
            assertThat(j.entries()).containsOnlyKeys("b", "c");
            assertThat(j.get("c")).isEqualTo(bytes("3"));
        }
    }

    @Test
    void aRecordTornAtTheEndIsCutOffAndLaterWritesFollowGoodData() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, "things", true)) {
            j.apply(List.of(Journal.Op.put("kept", bytes("yes"))));
            j.apply(List.of(Journal.Op.put("torn", bytes("no"))));
        }
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        try (Journal j = Journal.open(file, "things", true)) {
            assertThat(j.entries()).containsOnlyKeys("kept");
            j.apply(List.of(Journal.Op.put("after", bytes("ok"))));
        }
        try (Journal j = Journal.open(file, "things", true)) {
            assertThat(j.entries()).containsOnlyKeys("kept", "after");
        }
    }

    @Test
    void damageFollowedByMoreDataRefusesToOpen() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, "things", true)) {
            j.apply(List.of(Journal.Op.put("first", bytes("aaaa"))));
            j.apply(List.of(Journal.Op.put("second", bytes("bbbb"))));
        }
        byte[] all = Files.readAllBytes(file);
        all[8 + 8 + 6] ^= 0x40; // inside the first record's payload
        Files.write(file, all);
        assertThatThrownBy(() -> Journal.open(file, "things", true))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("damaged at byte 8")
                .hasMessageContaining("restore it from a backup");
    }

    @Test
    void aForeignFileIsRefusedWithAClearMessage() throws IOException {
        Path file = dir.resolve("j");
        Files.writeString(file, "hello, not a journal");
        assertThatThrownBy(() -> Journal.open(file, "things", true))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("not a Parley file-store journal");
    }

    @Test
    void aJournalMostlyOfOverwrittenValuesIsCompactedAtOpen() throws IOException {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, "things", false)) {
            for (int i = 0; i < 2000; i++) {
                j.apply(List.of(Journal.Op.put("counter", bytes("value " + i))));
            }
        }
        long before = Files.size(file);
        try (Journal j = Journal.open(file, "things", true)) {
            assertThat(j.get("counter")).isEqualTo(bytes("value 1999"));
        }
        assertThat(Files.size(file)).isLessThan(before / 10);
        try (Journal j = Journal.open(file, "things", true)) {
            assertThat(j.entries()).containsOnlyKeys("counter");
        }
    }

    @Test
    void afterCloseEveryUseFailsWithAStorageException() {
        Journal j = Journal.open(dir.resolve("j"), "things", true);
        j.close();
        assertThatThrownBy(() -> j.apply(List.of(Journal.Op.put("a", bytes("1")))))
                .isInstanceOf(StorageException.class).hasMessageContaining("closed");
        assertThatThrownBy(j::entries).isInstanceOf(StorageException.class);
    }
}
