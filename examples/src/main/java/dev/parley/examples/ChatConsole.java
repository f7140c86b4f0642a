package dev.parley.examples;

import java.util.List;

/**
 * Where the terminal client meets its user: it shows lines and reads what the user types.
 *
 * <p>{@link #show} and {@link #statusChanged} may be called from any thread, also while
 * {@link #run} reads input on another.
 */
interface ChatConsole {

    /** Shows lines of output, in order. */
    void show(List<Line> lines);

    /** The connection status or the user's name changed; {@code prompt} is the new prompt. */
    void statusChanged(String prompt);

    /**
     * Reads a password without showing it and without keeping it in the input history; called
     * from {@link #run}'s thread while it handles a line.
     *
     * @return what was typed, or {@code null} if the input ended or the user cancelled
     */
    String readPassword(String prompt);

    /** Hands typed lines to {@code session} until the user quits or the input ends, then finishes it. */
    void run(ClientSession session);

    /** Gives the terminal back when {@link #run} never ran; idempotent. */
    default void close() {
    }
}
