package dev.parley.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The client's console for scripts and pipes: reads lines from an input, prints one plain line
 * per event, with no prompt and no escape codes. At the end of the input it quits as
 * {@code /quit} does, after waiting briefly for the answers still due.
 *
 * <p>Thread-safe: lines printed from several threads never interleave.
 */
final class LineConsole implements ChatConsole {

    private final Reader input;
    private final PrintStream output;
    private final ReentrantLock printing = new ReentrantLock();
    /** The input while {@link #run} reads it; the password is read from the same lines. */
    private volatile BufferedReader lines;

    LineConsole(Reader input, PrintStream output) {
        this.input = input;
        this.output = output;
    }

    @Override
    public void show(List<Line> lines) {
        printing.lock();
        try {
            lines.forEach(line -> output.println(line.text()));
            output.flush();
        } finally {
            printing.unlock();
        }
    }

    @Override
    public void statusChanged(String prompt) {
        // No prompt in line mode: the status lines say it all.
    }

    @Override
    public String readPassword(String prompt) {
        // Piped input: the password is the next line, and it is never shown.
        try {
            return lines == null ? null : lines.readLine();
        } catch (IOException e) {
            show(EventFormatter.error("Reading the password failed: " + e.getMessage()));
            return null;
        }
    }

    @Override
    public void run(ClientSession session) {
        try (BufferedReader lines = new BufferedReader(input)) {
            this.lines = lines;
            String line;
            while ((line = lines.readLine()) != null) {
                if (!session.handle(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            show(EventFormatter.error("Reading the input failed: " + e.getMessage()));
        }
        session.finish();
    }
}
