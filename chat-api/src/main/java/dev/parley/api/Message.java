package dev.parley.api;

/**
 * One message of the Parley wire protocol, whose core is the classic KTN chat protocol.
 *
 * <p>A {@link Request} travels from client to server, a {@link Response} from server to client.
 * The hierarchy is sealed so that a {@code switch} without {@code default} is checked by the
 * compiler: adding a message type breaks the build everywhere it must be handled.
 *
 * <p>Content values are plain JSON-like Java values: {@code null}, {@link String},
 * {@link Boolean}, {@link Number}, {@link java.util.List} and {@link java.util.Map} with string
 * keys, nested freely. Instances are immutable and thread-safe.
 */
public sealed interface Message permits Request, Response {
}
