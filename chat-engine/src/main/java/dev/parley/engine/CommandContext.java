package dev.parley.engine;

import dev.parley.api.ChatServer;
import dev.parley.api.Response;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What a {@link CommandHandler} may see and do. Valid only during the handler call; thread-safe.
 */
public interface CommandContext {

    /** The session's username, empty before login. */
    Optional<String> username();

    /** The client's address. */
    InetSocketAddress remoteAddress();

    /** The server handling the request. */
    ChatServer server();

    /** The current time, formatted as this server writes timestamps. */
    String timestamp();

    /** Sends a response to the requesting client. Never blocks. */
    void reply(Response response);

    /** Sends an {@code info} response with {@code text} from the server to the requesting client. */
    void info(String text);

    /** Sends an {@code error} response with {@code text} from the server to the requesting client. */
    void error(String text);

    /** Sends a response to every logged-in client, the requester included. Never blocks. */
    void broadcast(Response response);
}
