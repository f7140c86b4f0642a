package dev.parley.engine;

import dev.parley.api.ChatServer;
import dev.parley.api.ConfigurationException;
import dev.parley.api.ServerConfig;
import dev.parley.api.StorageConfig;
import dev.parley.api.TransportConfig;
import dev.parley.engine.internal.DefaultChatServer;
import dev.parley.spi.Providers;
import dev.parley.spi.Storage;
import dev.parley.spi.StorageProvider;
import dev.parley.spi.TransportProvider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures and starts a {@link ChatServer}. Not thread-safe; {@link #start()} may be called more
 * than once, each call starting an independent server.
 *
 * <p>Providers are found by name with {@link java.util.ServiceLoader} unless instances are given:
 * transport {@code socket} and storage {@code file:./data} by default.
 */
public final class ServerBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ServerBuilder.class);

    private ServerConfig config = ServerConfig.builder().build();
    private TransportConfig transportConfig = TransportConfig.DEFAULT;
    private String transportName = "socket";
    private TransportProvider transportProvider;
    private StorageConfig storageConfig = StorageConfig.of(StorageConfig.DEFAULT_LOCATION);
    private Storage storage;
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private Clock clock = Clock.systemDefaultZone();

    ServerBuilder() {
    }

    /** The protocol settings, including the listen address. */
    public ServerBuilder config(ServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Shortcut for the listen address; port 0 picks a free port. */
    public ServerBuilder address(String host, int port) {
        this.config = config.toBuilder().address(host, port).build();
        return this;
    }

    /** The transport, by provider name ({@code socket}, {@code nio}, ...). */
    public ServerBuilder transport(String name) {
        this.transportName = Objects.requireNonNull(name, "name");
        this.transportProvider = null;
        return this;
    }

    /** The transport, as an instance: no lookup. */
    public ServerBuilder transport(TransportProvider provider) {
        this.transportProvider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    public ServerBuilder transportConfig(TransportConfig transportConfig) {
        this.transportConfig = Objects.requireNonNull(transportConfig, "transportConfig");
        return this;
    }

    /** The storage location, such as {@code file:./data}; its scheme picks the backend. */
    public ServerBuilder storage(String location) {
        this.storageConfig = storageConfig.withLocation(location);
        this.storage = null;
        return this;
    }

    /** The storage settings; the location's scheme picks the backend. */
    public ServerBuilder storageConfig(StorageConfig storageConfig) {
        this.storageConfig = Objects.requireNonNull(storageConfig, "storageConfig");
        this.storage = null;
        return this;
    }

    /**
     * An open storage to use as it is. The server does not close it: the caller owns it and
     * closes it after the server. The storage config still supplies history retention.
     */
    public ServerBuilder storage(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    /**
     * Adds a request to the protocol.
     *
     * @throws ConfigurationException when a command with that name was already added
     */
    public ServerBuilder command(Command command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new ConfigurationException("A command named '" + command.name() + "' was already added");
        }
        return this;
    }

    /** The clock for timestamps; the system clock by default. */
    public ServerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Opens the storage (unless given), binds the listener and returns the running server.
     *
     * @throws ConfigurationException     when a provider cannot be found
     * @throws dev.parley.api.ChatException when storage or transport cannot start; nothing is left running
     */
    public ChatServer start() {
        TransportProvider transport = transportProvider != null ? transportProvider : Providers.transport(transportName);
        boolean owns = storage == null;
        Storage opened = storage;
        if (owns) {
            StorageProvider provider = Providers.storage(storageConfig.scheme());
            LOG.info("Using storage provider '{}' ({})", provider.name(), provider.getClass().getName());
            opened = provider.open(storageConfig);
        }
        LOG.info("Using transport provider '{}' ({})", transport.name(), transport.getClass().getName());
        return new DefaultChatServer(config, transport, transportConfig, opened, owns, storageConfig, commands, clock);
    }
}
