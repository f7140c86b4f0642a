/**
 * Storage in MongoDB through the official synchronous Java driver, chosen by a storage location
 * {@code mongodb://...} or {@code mongodb+srv://...}, such as
 * {@code mongodb://db1:27017,db2:27017/parley?replicaSet=rs0}.
 *
 * <p>Use it through {@link dev.parley.spi.Providers#storage(String)} with the scheme
 * {@code mongodb} or {@code mongodb+srv}, or directly with {@link MongoStorageProvider}.
 *
 * <h2>Location and credentials</h2>
 * The location is a MongoDB connection string: every driver setting may be given in it
 * ({@code replicaSet}, {@code tls}, {@code authSource}, {@code serverSelectionTimeoutMS}...). Its
 * path names the database, {@code parley} when it names none. The user and the password each come
 * from the first of: the location ({@code mongodb://user:password@host/parley}, percent-encoded),
 * the storage options {@code user} and {@code password}, the environment variables
 * {@code PARLEY_DB_USER} and {@code PARLEY_DB_PASSWORD}. The password is never logged nor put in
 * an exception message: the location is shown with it replaced by {@code ****}.
 *
 * <h2>Options</h2>
 * {@link dev.parley.api.StorageConfig#options()} may hold {@code user}, {@code password} and
 * {@code maxPendingAppends} (appends accepted and not yet written; when that many wait, the next
 * append fails at once with a {@link dev.parley.api.StorageException}; default 65536). Unknown
 * options are refused with a {@link dev.parley.api.ConfigurationException}.
 *
 * <h2>Durability</h2>
 * Writes are acknowledged by the majority of a replica set (and of each shard of a sharded
 * cluster) when the deployment has one, and journaled by a standalone server:
 * <ul>
 *   <li>{@code GROUP_COMMIT} (default): write concern {@code w: "majority"} (10 s
 *       {@code wtimeout}), or {@code w: 1, j: true} on a standalone server. Concurrent appends are
 *       stored with one {@code insertMany} of up to 1000 messages, so they share one journal
 *       commit and one replication round trip.</li>
 *   <li>{@code EVERY_WRITE}: the same write concern, one message per insert.</li>
 *   <li>{@code OS_BUFFERED}: {@code w: 1, j: false}: acknowledged once the primary has applied the
 *       write in memory; a crash of the server may lose the last 100 ms or so, a failover the
 *       writes not yet replicated. Closing the storage makes every such write durable (one write
 *       with the durable write concern, which the journal and the oplog order after them).</li>
 * </ul>
 * The kind of deployment is the one the driver found in the servers' {@code hello} replies. A
 * write concern given in the location ({@code w}, {@code journal}, {@code wtimeoutMS}) replaces
 * this mapping.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Message ids are positive and increase in the order of
 *       {@link dev.parley.spi.MessageRepository#append} calls, also across restarts; append
 *       futures complete in id order on the writer thread ({@code parley-mongo-writer}), so
 *       callbacks that may block belong on another executor.</li>
 *   <li>Strings round-trip exactly; timestamps keep their nanoseconds (a BSON date plus the
 *       nanoseconds within its millisecond). A message may be up to the server's maximum document
 *       size (16 MiB) less a little.</li>
 *   <li>Retention is applied in every history query (by count: at or above the id of the room's
 *       {@code maxMessages}-th newest message; by age: a date later than now minus
 *       {@code maxAge}, to the millisecond). Messages outside retention are deleted at open.</li>
 *   <li>An unreachable server fails the open after the server selection timeout (5 s unless
 *       {@code serverSelectionTimeoutMS} says otherwise) with a message naming the hosts and what
 *       to check; refused credentials fail it with one naming the user.</li>
 *   <li>One server per database: two storages on one database keep ids unique, but not
 *       increasing across both.</li>
 * </ul>
 */
package dev.parley.storage.mongo;
