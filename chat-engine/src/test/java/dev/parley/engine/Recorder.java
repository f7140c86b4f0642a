package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.api.ChatClient;
import dev.parley.api.ClientStatus;
import dev.parley.api.Response;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects what a client hears, for tests to await without sleeping. */
final class Recorder implements ChatClient.Listener {

    final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
    final BlockingQueue<ClientStatus> statuses = new LinkedBlockingQueue<>();

    @Override
    public void onResponse(Response response) {
        responses.add(response);
    }

    @Override
    public void onStatus(ClientStatus status, String detail) {
        statuses.add(status);
    }

    /** The next response; fails the test after 10 s. */
    Response next() throws InterruptedException {
        Response r = responses.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a response within 10 s").isNotNull();
        return r;
    }

    /** The next response of type {@code type}, skipping others. */
    <R extends Response> R next(Class<R> type) throws InterruptedException {
        while (true) {
            Response r = next();
            if (type.isInstance(r)) {
                return type.cast(r);
            }
        }
    }

    /** Waits until the client reports {@code wanted}; fails the test after 10 s. */
    void awaitStatus(ClientStatus wanted) throws InterruptedException {
        while (true) {
            ClientStatus s = statuses.poll(10, TimeUnit.SECONDS);
            assertThat(s).as("status " + wanted + " within 10 s").isNotNull();
            if (s == wanted) {
                return;
            }
        }
    }
}
