package dev.parley.engine.internal;

import dev.parley.api.ChatClient;
import dev.parley.api.ClientStatus;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryFormat;
import dev.parley.api.LoginRequest;
import dev.parley.api.RegisterRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.ProtocolException;
import dev.parley.api.Request;
import dev.parley.api.Response;
import dev.parley.api.TransportConfig;
import dev.parley.api.TransportException;
import dev.parley.spi.Connection;
import dev.parley.spi.ConnectionHandler;
import dev.parley.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: one connection at a time, reconnecting with exponential back-off when asked to.
 *
 * <p>Thread-safe. Listener calls run one at a time, in order, on a virtual thread of their own,
 * so a slow listener never stalls the transport.
 */
public final class DefaultChatClient implements ChatClient {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultChatClient.class);

    private final InetSocketAddress address;
    private final TransportProvider transport;
    private final TransportConfig transportConfig;
    private final Listener listener;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxFrameBytes;
    private final WireCodec codec = new WireCodec(HistoryFormat.OBJECTS);
    private final SerialExecutor events = new SerialExecutor(
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-client-events").factory()),
            Integer.MAX_VALUE);
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Connection connection;
    private volatile ClientStatus status = ClientStatus.DISCONNECTED;
    /** The last login (or the login a register implies), sent again after an automatic reconnect. */
    private volatile LoginRequest lastLogin;
    private volatile boolean loggedOut;
    private Thread retrier;
    private Duration nextRetry;

    private DefaultChatClient(InetSocketAddress address, TransportProvider transport, TransportConfig transportConfig,
                              Listener listener, Duration firstRetry, Duration maxRetry, int maxFrameBytes) {
        this.address = address;
        this.transport = transport;
        this.transportConfig = transportConfig;
        this.listener = listener;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxFrameBytes = maxFrameBytes;
        this.nextRetry = firstRetry;
    }

    /** Connects once; on failure, throws if reconnecting is off, otherwise keeps retrying in the background. */
    public static DefaultChatClient connect(InetSocketAddress address, TransportProvider transport,
                                            TransportConfig transportConfig, Listener listener,
                                            Duration firstRetry, Duration maxRetry, int maxFrameBytes) {
        DefaultChatClient client = new DefaultChatClient(address, transport, transportConfig, listener, firstRetry,
                maxRetry, maxFrameBytes);
        try {
            client.open();
        } catch (TransportException e) {
            if (firstRetry == null) {
                client.close();
                throw e;
            }
            client.lost(e.getMessage());
        }
        return client;
    }

    @Override
    public void send(Request request) {
        if (closed.get()) {
            throw new TransportException("The client is closed; create a new one to connect again.");
        }
        Connection c = connection;
        if (c == null || !c.isOpen()) {
            c = reconnectNow();
        }
        if (request instanceof LoginRequest login) {
            lastLogin = login;
            loggedOut = false;
        } else if (request instanceof RegisterRequest register) {
            lastLogin = new LoginRequest(register.username(), register.password());
            loggedOut = false;
        } else if (request instanceof LogoutRequest) {
            loggedOut = true;
        }
        if (!c.send(codec.encodeRequest(request))) {
            throw new TransportException("Not connected to " + display() + ": the connection just closed.");
        }
    }

    @Override
    public ClientStatus status() {
        return status;
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        lock.lock();
        try {
            if (retrier != null) {
                retrier.interrupt();
            }
        } finally {
            lock.unlock();
        }
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        setStatus(ClientStatus.CLOSED, "Closed.");
    }

    // ---- connecting --------------------------------------------------------------------------------

    private Connection open() {
        lock.lock();
        try {
            Connection current = connection;
            if (current != null && current.isOpen()) {
                return current;
            }
            setStatus(ClientStatus.CONNECTING, "Connecting to " + display() + "...");
            InetSocketAddress resolved = address.isUnresolved()
                    ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
            Connection opened = transport.connect(resolved, transportConfig, Handler::new);
            connection = opened;
            nextRetry = firstRetry;
            setStatus(ClientStatus.CONNECTED, "Connected to " + display() + ".");
            return opened;
        } finally {
            lock.unlock();
        }
    }

    private Connection reconnectNow() {
        try {
            return open();
        } catch (TransportException e) {
            throw new TransportException("Not connected: " + sentence(e.getMessage())
                    + (firstRetry == null ? "" : " Retrying in the background."), e);
        }
    }

    /** The connection is gone: report it and, if asked to, schedule a retry. */
    private void lost(String why) {
        if (closed.get()) {
            return;
        }
        boolean retry = firstRetry != null && !loggedOut;
        lock.lock();
        try {
            if (!retry) {
                setStatus(ClientStatus.DISCONNECTED, sentence(why) + (loggedOut ? "" : " Send a request to connect again."));
                return;
            }
            Duration wait = nextRetry;
            nextRetry = nextRetry.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : nextRetry.multipliedBy(2);
            setStatus(ClientStatus.DISCONNECTED, sentence(why) + " Retrying in " + seconds(wait) + ".");
            if (retrier == null || !retrier.isAlive()) {
                retrier = Thread.ofVirtual().name("parley-client-retry").start(() -> retryAfter(wait));
            }
        } finally {
            lock.unlock();
        }
    }

    private void retryAfter(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (closed.get()) {
            return;
        }
        lock.lock();
        try {
            retrier = null;
        } finally {
            lock.unlock();
        }
        try {
            Connection c = open();
            LoginRequest login = lastLogin;
            if (login != null && !loggedOut) {
                c.send(codec.encodeRequest(login));
            }
        } catch (TransportException e) {
            lost(e.getMessage());
        }
    }

    private void setStatus(ClientStatus newStatus, String detail) {
        status = newStatus;
        LOG.debug("{}: {}", newStatus, detail);
        events.offer(() -> listener.onStatus(newStatus, detail));
    }

    private String display() {
        return address.getHostString() + ":" + address.getPort();
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** Events of one connection. */
    private final class Handler implements ConnectionHandler, FrameDecoder.Sink {
        private final Connection own;
        private final FrameDecoder decoder = new FrameDecoder(maxFrameBytes);

        Handler(Connection own) {
            this.own = own;
        }

        @Override
        public void onBytes(ByteBuffer bytes) {
            decoder.feed(bytes, this);
        }

        @Override
        public void onFrame(byte[] frame) {
            Response response;
            try {
                response = codec.decodeResponse(frame);
            } catch (ProtocolException e) {
                response = new ErrorResponse("", "client", "Unreadable response from the server: " + e.getMessage());
            }
            Response r = response;
            events.offer(() -> listener.onResponse(r));
        }

        @Override
        public void onJunk(String junk) {
            events.offer(() -> listener.onResponse(
                    new ErrorResponse("", "client", "The server sent something that is not JSON: " + junk)));
        }

        @Override
        public void onOversized(int max) {
            events.offer(() -> listener.onResponse(new ErrorResponse("", "client",
                    "The server sent a response over " + max + " bytes; disconnecting.")));
            own.close();
        }

        @Override
        public void onInputClosed() {
            own.close();
        }

        @Override
        public void onClosed(Throwable cause) {
            if (connection != own) {
                return;
            }
            String why = loggedOut ? "Logged out; the server closed the connection."
                    : cause == null ? "The server closed the connection."
                    : "Lost the connection to " + display() + ": " + cause.getMessage() + ".";
            lost(why);
        }
    }
}
