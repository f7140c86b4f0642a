package dev.parley.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A hand-written KTN client on a raw socket: writes bytes exactly as given, reads one response per line. */
final class RawKtnClient implements AutoCloseable {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    RawKtnClient(InetSocketAddress address) {
        try {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} as UTF-8 bytes in one write, with no delimiter added. */
    RawKtnClient write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    RawKtnClient request(String request, String content) {
        return write("{\"request\":\"" + request + "\",\"content\":"
                + (content == null ? "null" : MAPPER.writeValueAsString(content)) + "}\n");
    }

    /** Logs in and consumes the info and history responses. */
    RawKtnClient login(String name) {
        request("login", name);
        JsonNode info = read();
        if (!info.get("response").stringValue().equals("info")) {
            throw new AssertionError("login as " + name + " failed: " + info);
        }
        read();
        return this;
    }

    /** The next response line, parsed; fails the test after 10 s. */
    JsonNode read() {
        String line = readLine();
        if (line == null) {
            throw new AssertionError("connection closed while waiting for a response");
        }
        return MAPPER.readTree(line);
    }

    String readLine() {
        try {
            return in.readLine();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within 10 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next response whose kind is {@code kind}, skipping others. */
    JsonNode readKind(String kind) {
        while (true) {
            JsonNode node = read();
            if (node.get("response").stringValue().equals(kind)) {
                return node;
            }
        }
    }

    /** Whether the server closed the connection (reads until end of stream, skipping lines). */
    boolean closedByServer() {
        try {
            while (true) {
                if (in.readLine() == null) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
