/**
 * Parley's socket transport: blocking TCP sockets, with one virtual thread reading and one
 * writing per connection. Users pick it by the name {@code socket}.
 */
module dev.parley.transport.socket {
    requires transitive dev.parley.api;
    requires org.slf4j;

    exports dev.parley.transport.socket;

    provides dev.parley.spi.TransportProvider with dev.parley.transport.socket.SocketTransportProvider;
}
