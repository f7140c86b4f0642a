package dev.parley.engine;

/**
 * Handles one request name that an embedding application added to the protocol.
 *
 * <p>Called on the requesting session's own virtual thread, one request at a time per session
 * and in the order the client sent them; it may block (on storage, say), which delays only this
 * session. A {@link dev.parley.api.ChatException} thrown here is sent to the client as an
 * {@code error} response with its message; any other exception is logged and reported to the
 * client as an internal error.
 */
@FunctionalInterface
public interface CommandHandler {

    /**
     * Handles the request.
     *
     * @param context the requesting session, and ways to answer it
     * @param content the request's content as a JSON-like value (see {@link dev.parley.api.Message});
     *                {@code null} when the client sent none
     */
    void handle(CommandContext context, Object content);
}
