package dev.parley.storage.mongo.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoConfigurationException;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import dev.parley.api.Durability;
import dev.parley.api.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Connects to the deployment of a {@link MongoLocation}, checks that it answers and that the
 * credentials are accepted, and picks the {@link WritePolicy} for the kind of deployment it is.
 * Stateless; thread-safe.
 */
final class MongoConnector {

    /** How long to look for a server when the location does not say ({@code serverSelectionTimeoutMS}). */
    static final int DEFAULT_SERVER_SELECTION_MILLIS = 5_000;
    /** How long to wait for a TCP connection when the location does not say ({@code connectTimeoutMS}). */
    static final int DEFAULT_CONNECT_MILLIS = 5_000;

    private MongoConnector() {
    }

    /** An open client, its database and how to write to it. */
    record Connection(MongoClient client, MongoDatabase database, WritePolicy policy, int maxDocumentSize,
                      String deployment) {
    }

    /**
     * Opens a client, pings the database and reads the deployment's type and limits; a failed
     * connection closes the client before it throws.
     *
     * @throws StorageException when the servers cannot be reached or refuse the credentials; the
     *                          message names the hosts and what to check
     */
    static Connection connect(MongoLocation location, Durability durability) {
        Objects.requireNonNull(durability, "durability");
        ConnectionString url = location.connectionString();
        int selectionMillis = url.getServerSelectionTimeout() == null
                ? DEFAULT_SERVER_SELECTION_MILLIS : url.getServerSelectionTimeout();
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(url);
        if (url.getServerSelectionTimeout() == null) {
            settings.applyToClusterSettings(c -> c.serverSelectionTimeout(selectionMillis, TimeUnit.MILLISECONDS));
        }
        if (url.getConnectTimeout() == null) {
            settings.applyToSocketSettings(s -> s.connectTimeout(DEFAULT_CONNECT_MILLIS, TimeUnit.MILLISECONDS));
        }
        if (url.getApplicationName() == null) {
            settings.applicationName("parley");
        }
        MongoClient client;
        try {
            client = MongoClients.create(settings.build());
        } catch (MongoConfigurationException e) {
            throw Failures.of("resolve the location (" + e.getMessage() + "); for mongodb+srv:// check that the "
                    + "DNS name has SRV records, or list the hosts with mongodb://", location, e);
        }
        try {
            MongoDatabase database = client.getDatabase(location.database());
            database.runCommand(new Document("ping", 1));
            ClusterDescription cluster = client.getClusterDescription();
            int maxDocumentSize = cluster.getServerDescriptions().stream()
                    .filter(ServerDescription::isOk)
                    .mapToInt(ServerDescription::getMaxDocumentSize)
                    .min().orElse(ServerDescription.getDefaultMaxDocumentSize());
            WritePolicy policy = WritePolicy.of(durability, cluster.getType(), url.getWriteConcern());
            return new Connection(client, database, policy, maxDocumentSize, describe(cluster));
        } catch (MongoTimeoutException e) {
            throw closing(client, unreachable(location, selectionMillis, client.getClusterDescription(), e));
        } catch (MongoException e) {
            throw closing(client, Failures.of("open the database '" + location.database() + "'", location, e));
        } catch (RuntimeException e) {
            throw closing(client, e);
        } catch (Error e) {
            throw closing(client, e);
        }
    }

    private static StorageException unreachable(MongoLocation location, int selectionMillis,
                                                ClusterDescription cluster, MongoTimeoutException e) {
        List<String> servers = new ArrayList<>();
        if (cluster.getSrvResolutionException() != null) {
            servers.add("SRV lookup: " + rootMessage(cluster.getSrvResolutionException()));
        }
        for (ServerDescription server : cluster.getServerDescriptions()) {
            Throwable problem = server.getException();
            servers.add(server.getAddress() + ": " + (problem == null ? server.getState().name().toLowerCase(java.util.Locale.ROOT)
                    : rootMessage(problem)));
        }
        String seen = servers.isEmpty() ? "" : " (" + String.join("; ", servers) + ")";
        String message = "MongoDB at " + location + " could not be reached within " + selectionMillis + " ms" + seen
                + ". Check that the server at " + location.hosts() + " is running and accepts connections from "
                + "this machine (host, port, firewall, TLS settings, and for a replica set that the member names "
                + "it reports resolve from here); on a slow network raise serverSelectionTimeoutMS in the location";
        return new StorageException(Failures.scrub(message, location), e);
    }

    private static String rootMessage(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == problem ? text : problem.getMessage() + ": " + text;
    }

    private static String describe(ClusterDescription cluster) {
        String set = cluster.getServerDescriptions().stream()
                .map(ServerDescription::getSetName).filter(Objects::nonNull).findFirst().orElse(null);
        String type = cluster.getType().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return set == null ? type : type + " '" + set + "'";
    }

    private static <T extends Throwable> T closing(MongoClient client, T failure) {
        try {
            client.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
