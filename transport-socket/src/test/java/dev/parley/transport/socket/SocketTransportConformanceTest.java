package dev.parley.transport.socket;

import dev.parley.spi.Connection;
import dev.parley.spi.TransportProvider;
import dev.parley.tck.TransportConformanceTest;
import dev.parley.transport.socket.internal.SocketConnection;

class SocketTransportConformanceTest extends TransportConformanceTest {

    private final SocketTransportProvider provider = new SocketTransportProvider();

    @Override
    protected TransportProvider provider() {
        return provider;
    }

    @Override
    protected void shutdownOutput(Connection connection) {
        ((SocketConnection) connection).shutdownOutput();
    }
}
