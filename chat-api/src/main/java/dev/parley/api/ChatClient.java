package dev.parley.api;

/**
 * A client connection to a chat server that speaks the KTN core protocol (a Parley server or
 * any other).
 *
 * <p>Obtain one from the engine's builder ({@code dev.parley.engine.Parley.client()}).
 * Thread-safe: requests may be sent from any thread. Responses and status changes reach the
 * {@link Listener} on one thread at a time, in the order they happened. Not restartable.
 */
public interface ChatClient extends AutoCloseable {

    /**
     * Sends a request without waiting for its answer, which arrives at the listener.
     *
     * <p>When not connected, first tries once to connect, blocking up to the transport's connect
     * timeout. After a {@code logout} the server closes the connection; the next request connects
     * again this way.
     *
     * @throws TransportException when not connected and that attempt fails; the message says why
     *                            and whether the client keeps retrying in the background
     */
    void send(Request request);

    /** Sends a {@code login} request. */
    default void login(String username) {
        send(new LoginRequest(username));
    }

    /**
     * Sends a {@code login} request for a registered account. The client keeps the password in
     * memory only, to log in again after an automatic reconnect.
     */
    default void login(String username, String password) {
        send(new LoginRequest(username, password));
    }

    /** Sends a {@code register} request: creates the account and logs in to it. */
    default void register(String username, String password) {
        send(new RegisterRequest(username, password));
    }

    /** Sends a {@code msg} request. */
    default void msg(String text) {
        send(new MsgRequest(text));
    }

    /** Sends a {@code names} request. */
    default void names() {
        send(new NamesRequest());
    }

    /** Sends a {@code help} request. */
    default void help() {
        send(new HelpRequest());
    }

    /** Sends a {@code logout} request; the server then closes the connection. */
    default void logout() {
        send(new LogoutRequest());
    }

    /** The connection's current status. */
    ClientStatus status();

    /** Closes the connection and stops reconnecting. Idempotent. */
    @Override
    void close();

    /**
     * Receives what a {@link ChatClient} hears. Called on one thread at a time; a listener that
     * blocks delays later events for this client only.
     */
    interface Listener {

        /** A response from the server. */
        void onResponse(Response response);

        /**
         * The connection status changed.
         *
         * @param detail a human-readable explanation, such as the error and the next retry time
         */
        default void onStatus(ClientStatus status, String detail) {
        }
    }
}
