package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.api.HistoryFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of both programs, parsed without starting anything. */
class CommandLineTest {

    private static <T> T parse(T command, String... args) {
        ServerMain.commandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void serverDefaultsMatchTheDocumentedOnes() {
        ServerMain server = parse(new ServerMain());

        assertThat(server.host).isEqualTo("127.0.0.1");
        assertThat(server.port).isEqualTo(7600);
        assertThat(server.data).isEqualTo(Path.of("./data"));
        assertThat(server.transport).isEqualTo("socket");
        assertThat(server.historyFormat).isEqualTo(HistoryFormat.OBJECTS);
        assertThat(server.historyOnLogin).isEqualTo(100);
        assertThat(server.maxFrameBytes).isEqualTo(64 * 1024);
        assertThat(server.maxOutboundBytes).isEqualTo(4 * 1024 * 1024);
    }

    @Test
    void serverTakesEveryOption() {
        ServerMain server = parse(new ServerMain(), "--host", "0.0.0.0", "--port", "0", "--data", "/tmp/chat",
                "--transport", "nio", "--history-format", "strings", "--history-on-login", "5",
                "--max-frame-bytes", "1024", "--max-outbound-bytes", "65536", "--debug");

        assertThat(server.host).isEqualTo("0.0.0.0");
        assertThat(server.port).isZero();
        assertThat(server.data).isEqualTo(Path.of("/tmp/chat"));
        assertThat(server.transport).isEqualTo("nio");
        assertThat(server.historyFormat).isEqualTo(HistoryFormat.STRINGS);
        assertThat(server.historyOnLogin).isEqualTo(5);
        assertThat(server.maxFrameBytes).isEqualTo(1024);
        assertThat(server.maxOutboundBytes).isEqualTo(65536);
        assertThat(server.debug).isTrue();
    }

    @Test
    void serverRefusesAnUnknownHistoryFormat() {
        assertThatThrownBy(() -> parse(new ServerMain(), "--history-format", "xml"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void serverHelpShowsEveryOptionWithItsDefault() {
        String help = ServerMain.commandLine(new ServerMain()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).startsWith("Usage: parley server").contains("--host", "--port", "--data", "--transport",
                "--history-format=objects|strings", "--history-on-login", "--max-frame-bytes", "--max-outbound-bytes",
                "--debug", "--help", "(default: 7600)", "(default: objects)", "(default: 65536)", "(default: 4194304)");
    }

    @Test
    void clientDefaultsAndOptions() {
        ClientMain defaults = parse(new ClientMain());
        assertThat(defaults.host).isEqualTo("127.0.0.1");
        assertThat(defaults.port).isEqualTo(7600);
        assertThat(defaults.transport).isEqualTo("socket");
        assertThat(defaults.noReconnect).isFalse();
        assertThat(defaults.plain).isFalse();

        ClientMain client = parse(new ClientMain(), "--host", "chat.example", "--port", "7601", "--transport", "nio",
                "--no-reconnect", "--plain");
        assertThat(client.host).isEqualTo("chat.example");
        assertThat(client.port).isEqualTo(7601);
        assertThat(client.transport).isEqualTo("nio");
        assertThat(client.noReconnect).isTrue();
        assertThat(client.plain).isTrue();
    }

    @Test
    void clientHelpShowsEveryOption() {
        String help = ServerMain.commandLine(new ClientMain()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(help).startsWith("Usage: parley client")
                .contains("--host", "--port", "--transport", "--no-reconnect", "--plain", "--debug", "--help");
    }
}
