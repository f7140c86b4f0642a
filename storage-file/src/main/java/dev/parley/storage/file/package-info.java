/**
 * The embedded default storage: messages in append-only, checksummed segment files in a data
 * directory, chosen by the storage location {@code file:<directory>}, such as {@code file:./data}.
 *
 * <p>Use it through {@link dev.parley.spi.Providers#storage(String)} with the scheme
 * {@code file}, or directly: {@link FileStorageProvider} or {@link FileStorage#open}.
 *
 * <h2>Options</h2>
 * {@link dev.parley.api.StorageConfig#options()} may hold:
 * <ul>
 *   <li>{@code segmentBytes}: roll to a new segment file when the next record would take the
 *       current one past this size; default {@code 64m}; {@code 4k} to {@code 1g}.</li>
 *   <li>{@code maxPendingAppends}: appends accepted and not yet written; when that many wait,
 *       the next append fails at once with a {@link dev.parley.api.StorageException} instead of
 *       blocking; default 65536.</li>
 * </ul>
 * Unknown options are refused with a {@link dev.parley.api.ConfigurationException}.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>An append's future completes after the record is durable under the configured
 *       {@link dev.parley.api.Durability}: {@code GROUP_COMMIT} (default) and
 *       {@code EVERY_WRITE} after an fsync (shared by a batch of concurrent appends, or one per
 *       record), {@code OS_BUFFERED} once written to the operating system. Futures complete in
 *       id order, on the store's writer thread ({@code parley-file-writer}): callbacks that may
 *       block belong on another executor.</li>
 *   <li>Room, sender and text round-trip exactly (as UTF-8; a string with unpaired surrogates is
 *       stored with them replaced by {@code ?}); timestamps keep their nanoseconds. A message
 *       may be up to 16 MiB encoded.</li>
 *   <li>A crash loses no acknowledged message: at the next open, a write torn by the crash is cut
 *       off the end of the newest segment with a warning; damage anywhere else stops the open with
 *       a message naming the file and offset.</li>
 *   <li>Retention is applied at every history query. Space is reclaimed by deleting the oldest
 *       segment files once every message in them is outside retention, checked at open and each
 *       time a new segment is started.</li>
 *   <li>One storage per directory: a second one, in this process or another, fails to open.</li>
 *   <li>Accounts, rooms and groups, the offline queue, bans and mutes, settings and the list of
 *       messages moderators removed each live in a small journal file beside the segments
 *       ({@code accounts.journal}, {@code rooms.journal}, {@code offline.journal},
 *       {@code sanctions.journal}, {@code settings.journal}, {@code deletions.journal}), kept whole
 *       in memory. Every change is one checksummed record, synced before the call returns (except
 *       under {@code OS_BUFFERED}), so a change of several keys is atomic; recovery treats a torn
 *       final record and damage the same way as for segments. A journal mostly made of overwritten
 *       values is compacted at open through a temporary file and an atomic rename. Removed
 *       messages stay in their segment until retention reclaims it, but never appear again.</li>
 * </ul>
 */
package dev.parley.storage.file;
