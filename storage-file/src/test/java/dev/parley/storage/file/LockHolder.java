package dev.parley.storage.file;

import dev.parley.api.StorageConfig;
import java.io.IOException;
import java.nio.file.Path;

/** A separate process for {@link DirectoryLockTest}: holds a data directory open until its stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FileStorage storage = FileStorage.open(Path.of(args[0]), StorageConfig.of("file:" + args[0]))) {
            System.out.println("locked " + storage.directory());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
