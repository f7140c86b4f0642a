package dev.parley.examples;

import java.io.IOException;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The client's console on a real terminal, with JLine: a line editor whose prompt shows the
 * connection status, and incoming lines printed above the line being typed. Errors are red,
 * information cyan, status changes faint and the user's own name bold; a dumb terminal gets
 * plain text. Ctrl+D and Ctrl+C quit as {@code /quit} does.
 *
 * <p>Thread-safe: {@link #show} and {@link #statusChanged} may be called while {@link #run} reads.
 */
final class InteractiveConsole implements ChatConsole {

    private final Terminal terminal;
    private final LineReader reader;
    private volatile String latestPrompt = "";

    private InteractiveConsole(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("parley").build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // "!" is chat, not history expansion
    }

    /** Opens the system terminal; falls back to a dumb one without an error if it must. */
    static InteractiveConsole open() throws IOException {
        return new InteractiveConsole(TerminalBuilder.builder().system(true).dumb(true).build());
    }

    @Override
    public void show(List<Line> lines) {
        lines.forEach(line -> reader.printAbove(styled(line)));
    }

    @Override
    public void statusChanged(String prompt) {
        latestPrompt = prompt;
        if (!applyPrompt()) {
            // Between two reads (or before the first) the reader has no prompt to change; the
            // status may also arrive just before readLine starts, so try again shortly.
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 20 && !applyPrompt(); i++) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
    }

    private boolean applyPrompt() {
        if (!(reader instanceof LineReaderImpl impl) || !reader.isReading()) {
            return false;
        }
        impl.setPrompt(latestPrompt); // not on the LineReader interface in JLine 4
        try {
            reader.callWidget(LineReader.REDRAW_LINE);
            reader.callWidget(LineReader.REDISPLAY);
        } catch (IllegalStateException e) {
            // The user pressed Enter just now; the next readLine shows the new prompt anyway.
        }
        return true;
    }

    @Override
    public String readPassword(String prompt) {
        try {
            // A mask of 0 echoes nothing; masked lines never enter JLine's history.
            return reader.readLine(prompt, '\0');
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void run(ClientSession session) {
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(session.prompt());
                } catch (UserInterruptException | EndOfFileException e) {
                    break;
                }
                if (!session.handle(line)) {
                    break;
                }
            }
        } finally {
            session.finish();
            close();
        }
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            System.err.println("parley client: could not restore the terminal settings: " + e.getMessage());
        }
    }

    private static AttributedString styled(Line line) {
        AttributedStyle style = switch (line.tone()) {
            case MESSAGE -> AttributedStyle.DEFAULT;
            case INFO -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case ERROR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
            case STATUS -> AttributedStyle.DEFAULT.faint();
        };
        String text = line.text();
        if (line.boldFrom() < 0) {
            return new AttributedString(text, style);
        }
        return new AttributedStringBuilder()
                .styled(style, text.substring(0, line.boldFrom()))
                .styled(style.bold(), text.substring(line.boldFrom(), line.boldTo()))
                .styled(style, text.substring(line.boldTo()))
                .toAttributedString();
    }
}
