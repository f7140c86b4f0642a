package dev.parley.spi;

/** Sets up a new connection: returns the handler that will receive its events. */
@FunctionalInterface
public interface ConnectionInitializer {

    /**
     * Called once per connection, before any byte is read from it, on a transport thread.
     * Must not block. May call {@link Connection#close()} to refuse the connection, in which
     * case the returned handler still hears {@link ConnectionHandler#onClosed}.
     */
    ConnectionHandler initialize(Connection connection);
}
