/**
 * Parley's embedded default storage: append-only, checksummed segment files with group commit,
 * chosen by the location scheme {@code file:}, as in {@code file:./data}.
 */
module dev.parley.storage.file {
    requires transitive dev.parley.api;
    requires org.slf4j;

    exports dev.parley.storage.file;

    provides dev.parley.spi.StorageProvider with dev.parley.storage.file.FileStorageProvider;
}
