package dev.parley.engine.internal;

import dev.parley.api.ChatServer;
import dev.parley.api.InfoResponse;
import dev.parley.api.Response;
import dev.parley.api.ServerConfig;
import dev.parley.api.StorageConfig;
import dev.parley.api.TransportConfig;
import dev.parley.engine.Command;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.spi.Storage;
import dev.parley.spi.Transport;
import dev.parley.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server: owns the listener, the sessions, the lobby and (optionally) the storage.
 *
 * <p>Thread-safe. Start-up order: storage (already open when passed in), lobby history, then the
 * listener; {@link #close()} runs in reverse. Not restartable.
 */
public final class DefaultChatServer implements ChatServer {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultChatServer.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9]+");

    /** The room that KTN {@code msg} broadcasts go to. */
    public static final String LOBBY = "lobby";

    private final ServerConfig config;
    private final WireCodec codec;
    private final Timestamps timestamps;
    private final Clock clock;
    private final Storage storage;
    private final boolean ownsStorage;
    private final Map<String, Command> commands;
    private final String helpText;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("parley-session-", 0).factory());
    private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, ServerSession> users = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Room lobby;
    private final Accounts accounts;
    private final ConnectionLimiter limiter;
    private final Transport transport;

    /**
     * Starts a server. On failure everything already started is closed again (the storage only
     * if {@code ownsStorage}) before the exception is thrown.
     */
    public DefaultChatServer(ServerConfig config, TransportProvider transportProvider, TransportConfig transportConfig,
                             Storage storage, boolean ownsStorage, StorageConfig storageConfig,
                             Map<String, Command> commands, Clock clock) {
        this.config = config;
        this.codec = new WireCodec(config.historyFormat());
        this.timestamps = new Timestamps(config.zone());
        this.clock = clock;
        this.storage = storage;
        this.ownsStorage = ownsStorage;
        this.commands = Map.copyOf(commands);
        this.helpText = HelpText.of(this.commands.values());
        this.accounts = new Accounts(storage.accounts(), config::accounts, config.limits(), clock);
        this.limiter = new ConnectionLimiter(config.limits());
        try {
            this.lobby = new Room(LOBBY, storage.messages(), storageConfig.retentionOf(LOBBY), codec, timestamps,
                    clock, config.historyOnLogin());
            this.transport = transportProvider.bind(config.address(), transportConfig, this::accept);
        } catch (RuntimeException e) {
            executor.close();
            if (ownsStorage) {
                closeQuietly(storage, e);
            }
            throw e;
        }
        LOG.info("Parley server listening on {} (transport {}, history format {})",
                display(transport.localAddress()), transportProvider.name(), config.historyFormat());
    }

    private ConnectionHandler accept(Connection connection) {
        if (!limiter.tryAcquire(connection.remoteAddress())) {
            LOG.info("Refused a connection from {}: connection limit reached", display(connection.remoteAddress()));
            connection.send(codec.encodeResponse(new dev.parley.api.ErrorResponse(now(), Response.SERVER,
                    ConnectionLimiter.REFUSED)));
            connection.close();
            return REFUSED_HANDLER;
        }
        ServerSession session = new ServerSession(this, connection);
        sessions.add(session);
        if (closed.get()) {
            connection.close();
        }
        LOG.debug("Accepted {}", session);
        return session;
    }

    /** Ignores whatever a refused connection sends before it is closed. */
    private static final ConnectionHandler REFUSED_HANDLER = new ConnectionHandler() {
        @Override
        public void onBytes(ByteBuffer bytes) {
            bytes.position(bytes.limit());
        }

        @Override
        public void onInputClosed() {
        }

        @Override
        public void onClosed(Throwable cause) {
        }
    };

    // ---- ChatServer ------------------------------------------------------------------------------

    @Override
    public InetSocketAddress address() {
        return transport.localAddress();
    }

    @Override
    public Set<String> users() {
        TreeSet<String> names = new TreeSet<>();
        for (ServerSession s : users.values()) {
            String name = s.usernameOrNull();
            if (name != null) {
                names.add(name);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        LOG.info("Parley server on {} shutting down ({} sessions)", display(transport.localAddress()), sessions.size());
        ByteBuffer goodbye = codec.encodeResponse(new InfoResponse(now(), Response.SERVER,
                "The server is shutting down. Reconnect later."));
        for (ServerSession s : sessions) {
            s.sendFrame(goodbye);
        }
        RuntimeException failure = null;
        try {
            transport.close();
        } catch (RuntimeException e) {
            failure = e;
        }
        executor.close();
        if (ownsStorage) {
            failure = closeQuietly(storage, failure);
        }
        if (failure != null) {
            throw failure;
        }
        LOG.info("Parley server stopped");
    }

    // ---- for sessions ----------------------------------------------------------------------------

    ServerConfig config() {
        return config;
    }

    WireCodec codec() {
        return codec;
    }

    ExecutorService executor() {
        return executor;
    }

    Room lobby() {
        return lobby;
    }

    Accounts accounts() {
        return accounts;
    }

    Storage storage() {
        return storage;
    }

    String now() {
        return timestamps.format(clock.instant());
    }

    String helpText() {
        return helpText;
    }

    Command command(String name) {
        return commands.get(name);
    }

    boolean allowsBeforeLogin(String name) {
        Command command = commands.get(name);
        return command == null || !command.loginRequired();
    }

    /** Why {@code name} cannot be a username, or {@code null} if it can. */
    String checkUsername(String name) {
        if (name.isEmpty() || name.length() > config.maxUsernameLength() || !USERNAME.matcher(name).matches()) {
            return "Invalid username '" + name + "': use 1 to " + config.maxUsernameLength()
                    + " characters, only letters A-Z, a-z and digits 0-9.";
        }
        return null;
    }

    /** Reserves {@code name} (ignoring ASCII case) for {@code session}; {@code false} if someone else has it. */
    boolean claim(String name, ServerSession session) {
        return users.putIfAbsent(key(name), session) == null;
    }

    /** Whether someone is logged in under {@code name}, ignoring ASCII case. */
    boolean isOnline(String name) {
        return users.containsKey(key(name));
    }

    void leave(ServerSession session) {
        String name = session.usernameOrNull();
        if (name != null && users.remove(key(name), session)) {
            lobby.leave(session);
        }
        if (session.state() == ServerSession.State.CLOSED) {
            sessions.remove(session);
        }
    }

    /** Called once per accepted connection when it has closed. */
    void closed(ServerSession session) {
        limiter.release(session.remoteAddress());
    }

    private static String key(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    void broadcast(ByteBuffer frame) {
        for (ServerSession s : users.values()) {
            s.sendFrame(frame);
        }
    }

    private static String display(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static RuntimeException closeQuietly(AutoCloseable resource, RuntimeException failure) {
        try {
            resource.close();
        } catch (Exception e) {
            if (failure == null) {
                return e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            failure.addSuppressed(e);
        }
        return failure;
    }
}
