package dev.parley.storage.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MongoDB server (mongo-java-server with its memory backend) on 127.0.0.1 and a
 * free port: the only MongoDB server these tests have. Each {@link #newLocation()} names a
 * database no other test uses. Thread-safe.
 */
final class InProcessMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address;

    InProcessMongo() {
        server.bind("127.0.0.1", 0);
        address = server.getLocalAddress();
    }

    /** {@code host:port} of the server. */
    String hostAndPort() {
        return address.getHostString() + ":" + address.getPort();
    }

    /** A location on a fresh database of this server. */
    String newLocation() {
        return "mongodb://" + hostAndPort() + "/parley_test_" + DATABASES.incrementAndGet();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
