package dev.parley.examples;

import dev.parley.api.ChatClient;
import dev.parley.api.ChatMessage;
import dev.parley.api.ClientStatus;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HelpRequest;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import dev.parley.api.Request;
import dev.parley.api.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client that plays a small KTN server in memory, answering on an event thread of its own as
 * the engine's client does. Thread-safe enough for one test at a time.
 */
final class FakeChatClient implements ChatClient {

    static final String NOW = "2026-03-17T22:37:34";

    private final Listener listener;
    private final ExecutorService events = Executors.newSingleThreadExecutor();
    private final List<Request> sent = new ArrayList<>();
    private volatile boolean connected;
    private volatile ClientStatus status = ClientStatus.CONNECTING;
    private String username;

    FakeChatClient(Listener listener, boolean connected) {
        this.listener = listener;
        this.connected = connected;
        setStatus(connected ? ClientStatus.CONNECTED : ClientStatus.DISCONNECTED,
                connected ? "Connected to 127.0.0.1:7600." : "Connection refused. Retrying in 0.5 s.");
    }

    @Override
    public synchronized void send(Request request) {
        if (!connected) {
            throw new TransportException("Not connected: Connection refused. Retrying in the background.");
        }
        sent.add(request);
        events.execute(() -> answer(request));
    }

    synchronized List<Request> sent() {
        return List.copyOf(sent);
    }

    private void answer(Request request) {
        switch (request) {
            case LoginRequest login -> {
                username = login.username();
                listener.onResponse(new InfoResponse(NOW, "server", "Login successful. Welcome, " + username + "!"));
                listener.onResponse(new HistoryResponse(NOW, "server", List.of()));
            }
            case MsgRequest msg -> listener.onResponse(username == null
                    ? new ErrorResponse(NOW, "server", "You are not logged in.")
                    : new ChatMessage(NOW, username, msg.text()));
            case NamesRequest ignored -> listener.onResponse(new InfoResponse(NOW, "server", "Users online: " + username));
            case HelpRequest ignored -> listener.onResponse(new InfoResponse(NOW, "server", "Requests:\n  login <username>"));
            case LogoutRequest ignored -> {
                listener.onResponse(new InfoResponse(NOW, "server", "Logged out. Bye, " + username + "!"));
                connected = false;
                status = ClientStatus.DISCONNECTED;
                listener.onStatus(status, "Logged out; the server closed the connection.");
            }
            default -> listener.onResponse(new ErrorResponse(NOW, "server", "Unknown request."));
        }
    }

    @Override
    public ClientStatus status() {
        return status;
    }

    @Override
    public void close() {
        connected = false;
        setStatus(ClientStatus.CLOSED, "Closed.");
        events.close();
    }

    private void setStatus(ClientStatus newStatus, String detail) {
        status = newStatus;
        events.execute(() -> listener.onStatus(newStatus, detail));
    }
}
