package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server and client as separate processes, as {@code ./parley server} and a piped
 * {@code ./parley client} run them.
 */
class ExampleProgramsIT {

    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(process);
        return process;
    }

    /** Starts the example server on a free port and returns the port it printed. */
    private int startServer(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the server's start-up line").isNotNull();
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private Process server() throws IOException {
        return java(ServerMain.class.getName(), "--port", "0", "--data", data.toString());
    }

    private String runClient(int port, String input) throws Exception {
        Process client = java(ClientMain.class.getName(), "--port", String.valueOf(port));
        try (OutputStream in = client.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).as("the client exits at the end of its input").isTrue();
        assertThat(client.exitValue()).isZero();
        return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void pipedClientChatsOnTheExampleServer() throws Exception {
        int port = startServer(server());
        String output = runClient(port, "/login bob\n\nhello from a script\n/names\n/quit\n");
        assertThat(output).contains(
                "~ connected to 127.0.0.1:" + port,
                "* Login successful. Welcome, bob!",
                "bob: hello from a script",
                "* Users online: bob",
                "* Logged out. Bye, bob!");
    }

    @Test
    void serverStoppedBySigtermKeepsItsHistory() throws Exception {
        Process server = server();
        int port = startServer(server);
        try (Socket socket = new Socket("127.0.0.1", port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("{\"request\": \"login\", \"content\": \"alice\"}");
            out.println("{\"request\": \"msg\", \"content\": \"kept across restarts\"}");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("\"response\":\"message\""));
            assertThat(line).contains("kept across restarts");
        }
        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();

        int again = startServer(server());
        String output = runClient(again, "/login carol\n\n/quit\n");
        assertThat(output).contains("alice: kept across restarts");
    }

    @Test
    void clientSaysPlainlyWhenNoServerListens() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process client = java(ClientMain.class.getName(), "--port", String.valueOf(port), "--no-reconnect");
        client.getOutputStream().close();
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client.exitValue()).isEqualTo(1);
    }
}
