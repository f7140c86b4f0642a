package dev.parley.tck;

import dev.parley.spi.Connection;
import dev.parley.spi.TransportProvider;

class InMemoryTransportConformanceTest extends TransportConformanceTest {

    @Override
    protected TransportProvider provider() {
        return new InMemoryTransport();
    }

    @Override
    protected void shutdownOutput(Connection connection) {
        InMemoryTransport.shutdownOutput(connection);
    }
}
