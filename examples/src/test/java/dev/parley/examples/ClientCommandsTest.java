package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.examples.ClientCommands.Action;
import org.junit.jupiter.api.Test;

class ClientCommandsTest {

    private static Action parse(String line) {
        return ClientCommands.parse(line);
    }

    @Test
    void sendsPlainTextAsTyped() {
        assertThat(parse("hello world")).isEqualTo(new Action.Send(new MsgRequest("hello world")));
        assertThat(parse("  indented")).isEqualTo(new Action.Send(new MsgRequest("  indented")));
    }

    @Test
    void parsesLoginWithItsName() {
        assertThat(parse("/login alice")).isEqualTo(new Action.Login("alice"));
        assertThat(parse("/LOGIN  bob  ")).isEqualTo(new Action.Login("bob"));
        assertThat(parse("/register carol")).isEqualTo(new Action.Register("carol"));
        assertThat(parse("/login alice secret")).isInstanceOf(Action.Invalid.class);
    }

    @Test
    void refusesLoginWithoutName() {
        assertThat(parse("/login")).isInstanceOfSatisfying(Action.Invalid.class,
                invalid -> assertThat(invalid.problem()).contains("/login needs one name"));
        assertThat(parse("/login   ")).isInstanceOf(Action.Invalid.class);
    }

    @Test
    void parsesTheCommandsWithoutArgument() {
        assertThat(parse("/logout")).isEqualTo(new Action.Send(new LogoutRequest()));
        assertThat(parse("/names")).isEqualTo(new Action.Send(new NamesRequest()));
        assertThat(parse("/help")).isEqualTo(new Action.Help());
        assertThat(parse("/quit")).isEqualTo(new Action.Quit());
    }

    @Test
    void sendsATextStartingWithSlashWhenEscapedWithTwoSlashes() {
        assertThat(parse("//help me")).isEqualTo(new Action.Send(new MsgRequest("/help me")));
        assertThat(parse("//")).isEqualTo(new Action.Send(new MsgRequest("/")));
    }

    @Test
    void reportsUnknownCommandsWithTheListOfCommands() {
        assertThat(parse("/join lobby")).isInstanceOfSatisfying(Action.Invalid.class, invalid -> assertThat(
                invalid.problem()).startsWith("unknown command '/join lobby'").contains("/login NAME", "/quit", "//"));
        assertThat(parse("/")).isInstanceOf(Action.Invalid.class);
        assertThat(parse("/ login bob")).isInstanceOf(Action.Invalid.class);
    }

    @Test
    void ignoresBlankLines() {
        assertThat(parse("")).isEqualTo(new Action.Nothing());
        assertThat(parse("   \t")).isEqualTo(new Action.Nothing());
    }
}
