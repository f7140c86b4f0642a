package dev.parley.transport.socket.internal;

import dev.parley.api.TransportException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Address formatting and the error messages users see. Stateless. */
final class Addresses {

    private Addresses() {
    }

    /** {@code 127.0.0.1:7600}, {@code [::1]:7600}: how addresses appear in names and messages. */
    static String hostPort(InetSocketAddress address) {
        String host = address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    static TransportException unresolved(String action, InetSocketAddress address) {
        return new TransportException("could not " + action + " " + hostPort(address)
                + ": the host name does not resolve; check its spelling or use an IP address");
    }

    static TransportException bindFailed(InetSocketAddress address, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String advice;
        if (e instanceof BindException && reason.contains("in use")) {
            advice = "stop the other server or pick another --port";
        } else if (reason.contains("ermission")) {
            advice = "ports below 1024 need privileges; pick another --port above 1023";
        } else {
            advice = "check that the address belongs to this machine, or listen on 0.0.0.0";
        }
        return new TransportException("could not listen on " + hostPort(address) + ": " + reason + "; " + advice, e);
    }

    static TransportException connectFailed(InetSocketAddress address, Duration timeout, IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new TransportException("could not connect to " + hostPort(address) + " within "
                    + timeout.toMillis() + " ms; is the server running and reachable from here?", e);
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TransportException("could not connect to " + hostPort(address) + ": " + reason
                + "; is the server running?", e);
    }
}
