package dev.parley.engine.internal;

import dev.parley.api.ChatException;
import dev.parley.api.ChatServer;
import dev.parley.api.CommandRequest;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HelpRequest;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.api.RegisterRequest;
import dev.parley.api.Request;
import dev.parley.api.Response;
import dev.parley.engine.Command;
import dev.parley.engine.CommandContext;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session on the server: its state machine, its mailbox and its KTN core requests.
 *
 * <p>States: {@code CONNECTED} (only {@code login} and {@code help} accepted), {@code LOGGED_IN},
 * {@code CLOSED}. Threading: the transport calls the {@link ConnectionHandler} methods, which only
 * split frames and queue work; requests then run one at a time, in order, in the session's
 * {@link SerialExecutor} on virtual threads, where they may block. Sends may come from any thread.
 */
final class ServerSession implements ConnectionHandler, CommandContext, FrameDecoder.Sink {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    enum State { CONNECTED, LOGGED_IN, CLOSED }

    private static final Duration ACK_WAIT = Duration.ofSeconds(10);

    private final DefaultChatServer server;
    private final Connection connection;
    private final FrameDecoder decoder;
    private final SerialExecutor mailbox;
    private final FloodGuard flood;
    /** The account's role, or {@code null} for a guest or before login. */
    private volatile dev.parley.spi.AccountRole role;
    private volatile State state = State.CONNECTED;
    private volatile String username;
    /** The sender's copy of its latest message, which must go out before a logout or close. */
    private volatile CompletableFuture<Void> lastPost = CompletableFuture.completedFuture(null);

    ServerSession(DefaultChatServer server, Connection connection) {
        this.server = server;
        this.connection = connection;
        this.decoder = new FrameDecoder(server.config().maxFrameBytes());
        this.mailbox = new SerialExecutor(server.executor(), server.config().maxPendingRequests());
        this.flood = new FloodGuard(server.config().limits());
    }

    // ---- transport events (transport thread; never block) ----------------------------------------

    @Override
    public void onBytes(ByteBuffer bytes) {
        decoder.feed(bytes, this);
    }

    @Override
    public void onFrame(byte[] frame) {
        switch (flood.request(frame.length)) {
            case ALLOW -> enqueue(() -> handleFrame(frame));
            case WARN -> enqueue(() -> sendError("You are sending too fast (the limit is " + flood.describe()
                    + "). That request was not handled: slow down, or you will be disconnected."));
            case REFUSE -> enqueue(() -> sendError("Still too fast: that request was not handled either."
                    + " Slow down, or you will be disconnected."));
            case DISCONNECT -> {
                LOG.info("{} disconnected for flooding", this);
                mailbox.force(() -> {
                    sendError("Disconnected for flooding: you kept sending faster than " + flood.describe() + ".");
                    connection.close();
                });
            }
        }
    }

    @Override
    public void onJunk(String junk) {
        enqueue(() -> sendError("Invalid JSON: '" + junk + "' is not a JSON object."
                + " Send one object per request, such as {\"request\": \"help\", \"content\": null}."));
    }

    @Override
    public void onOversized(int maxFrameBytes) {
        LOG.debug("{} sent a frame over {} bytes; closing", this, maxFrameBytes);
        mailbox.force(() -> {
            sendError("Request too large: the limit is " + maxFrameBytes + " bytes. Closing the connection.");
            connection.close();
        });
    }

    @Override
    public void onInputClosed() {
        mailbox.force(() -> {
            awaitOwnCopies();
            connection.close();
        });
    }

    @Override
    public void onClosed(Throwable cause) {
        if (cause == null) {
            LOG.debug("{} closed", this);
        } else {
            LOG.info("{} disconnected: {}", this, cause.getMessage());
        }
        state = State.CLOSED;
        server.leave(this);
        server.closed(this);
    }

    private void enqueue(Runnable task) {
        if (!mailbox.offer(task)) {
            mailbox.force(() -> {
                sendError("Too many requests waiting (limit " + server.config().maxPendingRequests()
                        + "). Send fewer requests at once. Closing the connection.");
                connection.close();
            });
        }
    }

    // ---- requests (session thread) ---------------------------------------------------------------

    private void handleFrame(byte[] frame) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            handle(server.codec().decodeRequest(frame));
        } catch (ChatException e) {
            sendError(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{}: a request failed", this, e);
            sendError("The server failed to handle the request (" + e.getClass().getSimpleName()
                    + "). It was logged; try again or tell the server operator.");
        }
    }

    private void handle(Request request) {
        if (state != State.LOGGED_IN && !(request instanceof LoginRequest) && !(request instanceof HelpRequest)
                && !(request instanceof RegisterRequest)
                && !(request instanceof CommandRequest c && server.allowsBeforeLogin(c.name()))) {
            sendError("You are not logged in. Log in first with {\"request\": \"login\", \"content\": \"<username>\"};"
                    + " before login only login, register and help are accepted.");
            return;
        }
        switch (request) {
            case LoginRequest login -> login(login.username(), login.password());
            case RegisterRequest register -> register(register.username(), register.password());
            case LogoutRequest ignored -> logout();
            case MsgRequest msg -> msg(msg.text());
            case NamesRequest ignored -> info("Users online: " + String.join(", ", server.users()));
            case HelpRequest ignored -> info(server.helpText());
            case CommandRequest command -> command(command);
        }
    }

    private void login(String name, String password) {
        if (!checkCanLogIn(name)) {
            return;
        }
        Accounts.Outcome outcome = password == null ? server.accounts().guest(name)
                : server.accounts().login(name, password, addressText());
        enter(outcome, name);
    }

    private void register(String name, String password) {
        if (!checkCanLogIn(name)) {
            return;
        }
        if (server.isOnline(name)) {
            sendError("Username '" + name + "' is taken: someone with that name is logged in. Pick another name.");
            return;
        }
        enter(server.accounts().register(name, password), name);
    }

    private boolean checkCanLogIn(String name) {
        if (state == State.LOGGED_IN) {
            sendError("You are already logged in as " + username + ". Log out first to change your name.");
            return false;
        }
        String problem = server.checkUsername(name);
        if (problem != null) {
            sendError(problem);
            return false;
        }
        return true;
    }

    private void enter(Accounts.Outcome outcome, String requested) {
        if (outcome instanceof Accounts.Refused refused) {
            sendError(refused.error());
            return;
        }
        Accounts.LoggedIn in = (Accounts.LoggedIn) outcome;
        String name = in.name();
        if (!server.claim(name, this)) {
            sendError("Username '" + requested + "' is taken: someone with that name is logged in. Pick another name.");
            return;
        }
        username = name;
        role = in.role();
        state = State.LOGGED_IN;
        LOG.debug("{} logged in{}", this, in.registered() ? " to its account" : " as a guest");
        server.lobby().join(this, history -> {
            info("Login successful. Welcome, " + name + "!");
            reply(new HistoryResponse(timestamp(), Response.SERVER, history));
        });
        if (!connection.isOpen()) {
            // The connection closed while logging in; onClosed may have run before the join.
            server.leave(this);
        }
    }

    private String addressText() {
        InetSocketAddress remote = connection.remoteAddress();
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private void logout() {
        awaitOwnCopies();
        info("Logged out. Bye, " + username + "!");
        state = State.CLOSED;
        server.leave(this);
        connection.close();
    }

    private void msg(String text) {
        if (text.isBlank()) {
            sendError("The message is empty; write some text after msg.");
            return;
        }
        lastPost = server.lobby().post(this, username, text);
    }

    /**
     * Waits (on the session's virtual thread) until the copies of this session's own messages
     * are queued, so that {@code msg} then {@code logout} still delivers the acknowledgement.
     * Bounded, so that a stalled storage cannot keep a session open for ever.
     */
    private void awaitOwnCopies() {
        try {
            lastPost.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("{}: closing before the acknowledgement of its last message: {}", this, e.toString());
        }
    }

    private void command(CommandRequest request) {
        Command command = server.command(request.name());
        if (command == null) {
            sendError("Unknown request '" + request.name()
                    + "'. Send {\"request\": \"help\", \"content\": null} to list the requests.");
            return;
        }
        command.handler().handle(this, request.content());
    }

    // ---- output (any thread) ---------------------------------------------------------------------

    void sendFrame(ByteBuffer frame) {
        connection.send(frame);
    }

    void sendError(String text) {
        reply(new ErrorResponse(timestamp(), Response.SERVER, text));
    }

    String usernameOrNull() {
        return username;
    }

    /** The account's role, or {@code null} for a guest or before login. */
    dev.parley.spi.AccountRole role() {
        return role;
    }

    State state() {
        return state;
    }

    // ---- CommandContext --------------------------------------------------------------------------

    @Override
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public ChatServer server() {
        return server;
    }

    @Override
    public String timestamp() {
        return server.now();
    }

    @Override
    public void reply(Response response) {
        sendFrame(server.codec().encodeResponse(response));
    }

    @Override
    public void info(String text) {
        reply(new InfoResponse(timestamp(), Response.SERVER, text));
    }

    @Override
    public void error(String text) {
        sendError(text);
    }

    @Override
    public void broadcast(Response response) {
        server.broadcast(server.codec().encodeResponse(response));
    }

    @Override
    public String toString() {
        String who = username;
        return "session " + connection.remoteAddress() + (who == null ? "" : " (" + who + ")");
    }
}
