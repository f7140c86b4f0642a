package dev.parley.engine;

import dev.parley.api.ChatClient;
import dev.parley.api.ConfigurationException;
import dev.parley.api.ServerConfig;
import dev.parley.api.TransportConfig;
import dev.parley.engine.internal.DefaultChatClient;
import dev.parley.spi.Providers;
import dev.parley.spi.TransportProvider;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and connects a {@link ChatClient}. Not thread-safe. The client speaks the KTN core
 * protocol and accepts every server variant known in the wild, so it works with Parley servers
 * and with other KTN servers alike.
 */
public final class ClientBuilder {

    private InetSocketAddress address = InetSocketAddress.createUnresolved("127.0.0.1", ServerConfig.DEFAULT_PORT);
    private String transportName = "socket";
    private TransportProvider transportProvider;
    private TransportConfig transportConfig = TransportConfig.DEFAULT;
    private ChatClient.Listener listener;
    private Duration firstRetry;
    private Duration maxRetry;
    private int maxFrameBytes = 16 << 20;

    ClientBuilder() {
    }

    /** The server's address; {@code 127.0.0.1:7600} by default. Resolved at each connect. */
    public ClientBuilder address(String host, int port) {
        this.address = InetSocketAddress.createUnresolved(host, port);
        return this;
    }

    public ClientBuilder address(InetSocketAddress address) {
        this.address = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The transport, by provider name; {@code socket} by default. */
    public ClientBuilder transport(String name) {
        this.transportName = Objects.requireNonNull(name, "name");
        this.transportProvider = null;
        return this;
    }

    /** The transport, as an instance: no lookup. */
    public ClientBuilder transport(TransportProvider provider) {
        this.transportProvider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    public ClientBuilder transportConfig(TransportConfig transportConfig) {
        this.transportConfig = Objects.requireNonNull(transportConfig, "transportConfig");
        return this;
    }

    /** Who hears responses and status changes. Required. */
    public ClientBuilder listener(ChatClient.Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Reconnect after a lost connection, waiting {@code first}, then twice as long each time up to
     * {@code max}. After reconnecting, the client logs in again under its last username. Off by
     * default.
     */
    public ClientBuilder reconnect(Duration first, Duration max) {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new ConfigurationException("reconnect needs 0 < first <= max, was first=" + first + ", max=" + max);
        }
        this.firstRetry = first;
        this.maxRetry = max;
        return this;
    }

    /** The largest response accepted (a long history can be large); 16 MiB by default. */
    public ClientBuilder maxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes < 1024) {
            throw new ConfigurationException("maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    /**
     * Connects and returns the client.
     *
     * @throws dev.parley.api.TransportException when the first connection fails and reconnecting is
     *                                           off; with reconnecting on, the client is returned
     *                                           and keeps trying, reporting its status to the listener
     */
    public ChatClient connect() {
        if (listener == null) {
            throw new ConfigurationException("A client needs a listener: call listener(...) before connect()");
        }
        TransportProvider transport = transportProvider != null ? transportProvider : Providers.transport(transportName);
        return DefaultChatClient.connect(address, transport, transportConfig, listener, firstRetry, maxRetry,
                maxFrameBytes);
    }
}
