package dev.parley.spi;

import dev.parley.api.TransportConfig;
import java.net.InetSocketAddress;

/**
 * Entry point of a transport: something that moves bytes between peers, and nothing else (no
 * framing, no JSON, no crypto). Found by {@link #name()} through {@link Providers}.
 *
 * <p>Implementations are thread-safe and have a public no-argument constructor.
 */
public interface TransportProvider {

    /** The name users pick this transport by, such as {@code socket} or {@code nio}. */
    String name();

    /**
     * Listens on {@code address} and hands every accepted connection to {@code initializer}
     * before reading from it.
     *
     * @param address     where to listen; port 0 picks a free port
     * @param initializer called once per accepted connection, on a transport thread
     * @return the running listener
     * @throws dev.parley.api.TransportException when the address cannot be bound
     */
    Transport bind(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer);

    /**
     * Opens a connection to {@code address}, blocking up to the configured connect timeout. The
     * initializer runs before the first byte is read, so no input can be missed.
     *
     * @throws dev.parley.api.TransportException when the peer cannot be reached
     */
    Connection connect(InetSocketAddress address, TransportConfig config, ConnectionInitializer initializer);
}
