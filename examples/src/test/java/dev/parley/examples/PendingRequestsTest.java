package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.ChatMessage;
import dev.parley.api.ErrorResponse;
import dev.parley.api.HistoryResponse;
import dev.parley.api.InfoResponse;
import dev.parley.api.LoginRequest;
import dev.parley.api.LogoutRequest;
import dev.parley.api.MsgRequest;
import dev.parley.api.NamesRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

    private final PendingRequests pending = new PendingRequests();

    private static InfoResponse info(String text) {
        return new InfoResponse("", "server", text);
    }

    @Test
    void learnsTheNameFromTheAnswerToLogin() {
        pending.sent(new LoginRequest("bob"));
        assertThat(pending.ownName()).isEqualTo("bob");
        assertThat(pending.username()).isNull();

        assertThat(pending.answered(info("Welcome, bob!"))).isTrue();

        assertThat(pending.username()).isEqualTo("bob");
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.answered(new HistoryResponse("", "server", List.of()))).isFalse();
    }

    @Test
    void forgetsARefusedLogin() {
        pending.sent(new LoginRequest("bob"));

        pending.answered(new ErrorResponse("", "server", "Username 'bob' is taken."));

        assertThat(pending.ownName()).isNull();
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void takesAHistoryAsTheAnswerToLoginFromServersThatSendNoInfo() {
        pending.sent(new LoginRequest("bob"));

        assertThat(pending.answered(new HistoryResponse("", "server", List.of()))).isTrue();
        assertThat(pending.username()).isEqualTo("bob");
    }

    @Test
    void matchesTheOwnEchoToAMessageEvenWhenLaterAnswersOvertakeIt() {
        pending.sent(new LoginRequest("bob"));
        pending.answered(info("Welcome, bob!"));
        pending.sent(new MsgRequest("hello"));
        pending.sent(new NamesRequest());

        pending.answered(info("Users online: bob"));
        assertThat(pending.isEmpty()).isFalse();
        pending.answered(new ChatMessage("", "alice", "someone else"));
        assertThat(pending.isEmpty()).isFalse();
        pending.answered(new ChatMessage("", "bob", "hello"));

        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void forgetsTheNameAtLogoutAndEverythingWhenCleared() {
        pending.sent(new LoginRequest("bob"));
        pending.answered(info("Welcome, bob!"));
        pending.sent(new LogoutRequest());

        assertThat(pending.username()).isNull();
        assertThat(pending.loggedOut()).isTrue();
        pending.clear();
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void aRegistrationCountsAsALogin() {
        PendingRequests pending = new PendingRequests();
        pending.sent(new dev.parley.api.RegisterRequest("carol", "secret123"));
        assertThat(pending.answered(new dev.parley.api.InfoResponse("t", "server", "Login successful. Welcome, carol!")))
                .isTrue();
        assertThat(pending.username()).isEqualTo("carol");
    }
}
