package dev.parley.examples;

import dev.parley.api.ChatClient;
import dev.parley.api.ClientStatus;
import dev.parley.api.HelpRequest;
import dev.parley.api.LoginRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.RegisterRequest;
import dev.parley.api.Request;
import dev.parley.api.Response;
import dev.parley.api.TransportException;
import dev.parley.examples.ClientCommands.Action;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The chat as the terminal client's user sees it: runs typed lines against a {@link ChatClient}
 * and shows what the client hears on a {@link ChatConsole}.
 *
 * <p>Thread-safe: typed lines come from the console's thread, events from the client's event
 * thread; {@link SessionState} holds what both share.
 */
final class ClientSession implements ChatClient.Listener {

    /** How long quitting waits for answers, and then for the server to close after logout. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final EventFormatter formatter;
    private final ChatConsole console;
    private final SessionState state;
    private volatile ChatClient client;

    ClientSession(EventFormatter formatter, ChatConsole console, boolean reconnect) {
        this.formatter = formatter;
        this.console = console;
        this.state = new SessionState(reconnect);
    }

    /** Sets the client to send to; call once, right after connecting. */
    void attach(ChatClient client) {
        this.client = client;
    }

    /** Runs one typed line; {@code false} when the user asked to quit. */
    boolean handle(String line) {
        switch (ClientCommands.parse(line)) {
            case Action.Send send -> send(send.request());
            case Action.Help ignored -> {
                console.show(EventFormatter.info(ClientCommands.USAGE));
                send(new HelpRequest());
            }
            case Action.Login login -> {
                String password = console.readPassword("Password for " + login.name() + " (Enter for a guest login): ");
                if (password != null) {
                    send(password.isEmpty() ? new LoginRequest(login.name()) : new LoginRequest(login.name(), password));
                }
            }
            case Action.Register register -> register(register.name());
            case Action.Invalid invalid -> console.show(EventFormatter.error(invalid.problem()));
            case Action.Nothing ignored -> { }
            case Action.Quit ignored -> {
                return false;
            }
        }
        return true;
    }

    private void register(String name) {
        String password = console.readPassword("New password for " + name + ": ");
        if (password == null) {
            return;
        }
        String again = console.readPassword("The same password again: ");
        if (again == null) {
            return;
        }
        if (!password.equals(again)) {
            console.show(EventFormatter.error("The two passwords differ; nothing was sent. Try /register " + name
                    + " again."));
            return;
        }
        send(new RegisterRequest(name, password));
    }

    /** Waits briefly for outstanding answers, logs out if logged in, and closes the client. */
    void finish() {
        BooleanSupplier connected = () -> client.status() == ClientStatus.CONNECTED;
        state.awaitAnswers(GRACE, connected);
        if (connected.getAsBoolean() && state.ownName() != null) {
            send(new LogoutRequest());
            state.awaitDisconnected(GRACE, connected);
        }
        client.close();
    }

    String prompt() {
        return state.prompt();
    }

    @Override
    public void onResponse(Response response) {
        console.show(formatter.response(response, state.ownName()));
        if (state.answered(response)) {
            console.statusChanged(state.prompt());
        }
    }

    @Override
    public void onStatus(ClientStatus status, String detail) {
        console.show(formatter.status(status, detail));
        state.status(status);
        console.statusChanged(state.prompt());
    }

    private void send(Request request) {
        state.sent(request); // before sending: the answer may arrive before send returns
        try {
            client.send(request);
        } catch (TransportException e) {
            state.notSent();
            console.show(EventFormatter.error(e.getMessage()));
        }
    }
}
