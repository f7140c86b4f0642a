/**
 * The MongoDB store's machinery. Not API; may change without notice.
 *
 * <h2>Collections</h2>
 * One database (the path of the location, {@code parley} when it has none) holds:
 * <pre>
 * messages   {_id: id:int64, room, sender, ts: date, tsNanos: int32, text}     index {room: 1, _id: 1}
 *            a deleted message: {_id, room, ts, tsNanos, deleted: true} (a tombstone)
 * accounts   {_id: name with ASCII letters lower-cased, name, passwordHash, role, created, createdNanos}
 * rooms      {_id: name, kind, topic, owner, moderators: [..], members: [..], created, createdNanos}
 * offline    {_id: id:int64, recipient, sender, ts, tsNanos, kind, body}        index {recipient: 1, _id: 1}
 * sanctions  {scope, kind, subject, issuedBy, reason, issuedAt, issuedAtNanos, expiresAt, expiresAtNanos}
 *                                                           unique index {scope: 1, kind: 1, subject: 1}
 * settings   {_id: key, value}
 * counters   {_id: "messages" | "offline", reserved: int64}
 * </pre>
 * BSON dates hold milliseconds; the {@code *Nanos} fields hold the nanoseconds within that
 * millisecond, so timestamps round-trip to the nanosecond while staying queryable as dates.
 *
 * <h2>Ids</h2>
 * Message and offline ids come from {@code counters}: a storage reserves a block of ids at a
 * time with one {@code $inc} (written with the durable write concern before any id of the block
 * is used) and hands them out in order, so ids never repeat across restarts; unused ids of a block
 * are skipped after a restart. At open each counter is raised ({@code $max}) to the largest id
 * already stored, which also covers data copied in without its counters.
 */
package dev.parley.storage.mongo.internal;
