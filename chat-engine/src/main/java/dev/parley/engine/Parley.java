package dev.parley.engine;

/**
 * Where embedding starts: builders for a {@link dev.parley.api.ChatServer} and a
 * {@link dev.parley.api.ChatClient}.
 *
 * <pre>{@code
 * try (ChatServer server = Parley.server().address("127.0.0.1", 7600).storage("file:./data").start()) {
 *     ...
 * }
 * }</pre>
 */
public final class Parley {

    private Parley() {
    }

    /** A builder for a server with the defaults: socket transport, file storage in {@code ./data}. */
    public static ServerBuilder server() {
        return new ServerBuilder();
    }

    /** A builder for a client with the defaults: socket transport, {@code 127.0.0.1:7600}, no reconnecting. */
    public static ClientBuilder client() {
        return new ClientBuilder();
    }
}
