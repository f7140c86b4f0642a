package dev.parley.api;

/**
 * A request from a client to the server: on the wire {@code {"request": name, "content": content}}.
 *
 * <p>The KTN core requests have their own records; any other request name decodes to a
 * {@link CommandRequest}, which the server dispatches to a command an embedding application
 * registered, or answers with an error.
 */
public sealed interface Request extends Message
        permits LoginRequest, RegisterRequest, LogoutRequest, MsgRequest, NamesRequest, HelpRequest,
                CommandRequest {

    /** The request's name on the wire, such as {@code "login"}. */
    String name();

    /** The request's argument as a JSON-like value; {@code null} for requests without one. */
    Object content();
}
