package dev.parley.examples;

import dev.parley.api.ChatMessage;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.RegisterRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.OtherResponse;
import dev.parley.api.Request;
import dev.parley.api.Response;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The requests still waiting for an answer, and the name the user is logged in under, worked out
 * from the answers because the KTN protocol has no request ids.
 *
 * <p>The server answers requests in order, except that a message's answer, the echo of the
 * sender's own copy, comes once storage has it, so later answers may overtake it. So an error
 * answers the oldest request, an info (or other response) the oldest request that is not a
 * message, and an own chat message the oldest message; a history answers a login only when no
 * info did (as some servers do). Not thread-safe: {@link SessionState} guards it.
 */
final class PendingRequests {

    private final Deque<Request> waiting = new ArrayDeque<>();
    private String username;
    private boolean loggedOut;

    void sent(Request sentRequest) {
        // A registration logs in too, and is answered like a login; the password is not kept.
        Request request = sentRequest instanceof RegisterRequest r ? new LoginRequest(r.username()) : sentRequest;
        waiting.addLast(request);
        if (request instanceof LogoutRequest) {
            username = null;
            loggedOut = true;
        } else if (request instanceof LoginRequest) {
            loggedOut = false;
        }
    }

    /** Notes what {@code response} answers; {@code true} if that changed the username. */
    boolean answered(Response response) {
        String before = username;
        switch (response) {
            case ErrorResponse e -> waiting.pollFirst();
            case InfoResponse i -> answerFirst(false);
            case OtherResponse o -> answerFirst(false);
            case HistoryResponse h -> {
                if (waiting.peekFirst() instanceof LoginRequest) {
                    answerFirst(false);
                }
            }
            case ChatMessage m -> {
                if (m.sender().equals(ownName())) {
                    answerFirst(true);
                }
            }
        }
        return !java.util.Objects.equals(before, username);
    }

    /** The connection is gone: nothing sent on it will be answered. */
    void clear() {
        waiting.clear();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** The name the server accepted, or {@code null} when not logged in. */
    String username() {
        return username;
    }

    /** The user's name as far as we know: accepted, or asked for and not yet refused; or {@code null}. */
    String ownName() {
        if (username != null) {
            return username;
        }
        return waiting.stream().filter(LoginRequest.class::isInstance).map(r -> ((LoginRequest) r).username())
                .reduce((first, last) -> last).orElse(null);
    }

    /** Whether the user logged out, after which the client does not reconnect. */
    boolean loggedOut() {
        return loggedOut;
    }

    private void answerFirst(boolean message) {
        for (Iterator<Request> it = waiting.iterator(); it.hasNext(); ) {
            Request request = it.next();
            if ((request instanceof MsgRequest) == message) {
                it.remove();
                if (request instanceof LoginRequest login) {
                    username = login.username();
                }
                return;
            }
        }
    }
}
