/**
 * The file store's machinery. Not API; may change without notice.
 *
 * <h2>On disk</h2>
 * A data directory holds {@code parley.lock} (locked while a storage is open) and segment files
 * {@code segment-<first id, 20 digits>.log}. Only the newest segment is written; it is rolled
 * (a new one started) when the next record would take it past the {@code segmentBytes} option.
 * All integers are big-endian.
 * <pre>
 * segment  = header record*
 * header   = magic:int32 (0x50524C59, "PRLY") version:int32 (1) firstId:int64       16 bytes
 * record   = length:int32 crc:int32 payload                  crc = CRC32C of the payload bytes
 * payload  = id:int64 epochSecond:int64 nano:int32 room:string sender:string text:string
 * string   = byteLength:int32 utf8Bytes
 * </pre>
 * Ids increase through a segment and across segments; every id in a segment is at least the
 * first id in its name and below the next segment's.
 *
 * <h2>Recovery</h2>
 * At open every segment is read once to rebuild the in-memory per-room index. A bad record (a
 * length that runs past the end of the file, a CRC mismatch, an undecodable payload) at the end
 * of the newest segment is a write torn by a crash: the file is truncated where that record
 * starts, and a warning says how many bytes were dropped. Such a record can never have been
 * acknowledged, since acknowledgement waits for the fsync of the whole record. A bad record
 * anywhere else, including one followed by a good record in the newest segment, is corruption:
 * the storage refuses to open and names the file and offset.
 */
package dev.parley.storage.file.internal;
