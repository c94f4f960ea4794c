package io.mockpg.e2e;

import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone server's admin API at -Xmx128m (docs/robustness.md): the token, from
 * --admin-token or MOCKPG_ADMIN_TOKEN, never logged; a foreign Host or Origin refused with or
 * without a token; a large request body refused from its Content-Length.
 */
class AdminSecurityStandaloneTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m");
    private static final String RULES = """
            rules:
              - id: replaced
                match: { sql: SELECT 1 }
                respond: { columns: [ { x: int4 } ], rows: [ [2] ] }
            """;

    @TempDir
    Path directory;

    private static int status(StandaloneProcess server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.adminPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * One HTTP/1.1 request over a plain socket (java.net.http refuses to set Host): the head as
     * given, then the body from another thread, as a client that does not wait for an answer
     * does; the status code of the answer, within five seconds.
     */
    private static int rawStatus(StandaloneProcess server, String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.adminPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the server answered without reading it all and closed: expected for 413
                }
            });
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = in.readLine();
            sending.cancel(true);
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String rulesRequest(StandaloneProcess server, String host, String origin, int length) {
        return "POST /rules HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/yaml\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";
    }

    private static String rulesNow(StandaloneProcess server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/rules")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theTokenComesFromTheEnvironment() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, SMALL_HEAP,
                Map.of("MOCKPG_ADMIN_TOKEN", "from-env-42"), "--admin-port", "0")) {
            assertEquals(200, status(server, "/health", null));
            assertEquals(401, status(server, "/journal", null));
            assertEquals(401, status(server, "/journal", "other"));
            assertEquals(200, status(server, "/journal", "from-env-42"));
            assertFalse(server.stderr().contains("from-env-42"), server.stderr());
        }
    }

    @Test
    void theFlagWinsOverTheEnvironment() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, SMALL_HEAP,
                Map.of("MOCKPG_ADMIN_TOKEN", "from-env"), "--admin-port", "0", "--admin-token", "from-flag")) {
            assertEquals(401, status(server, "/rules", "from-env"));
            assertEquals(200, status(server, "/rules", "from-flag"));
        }
    }

    @Test
    void withoutATokenTheApiIsOpenToItsOwnHost() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, SMALL_HEAP, Map.of(), "--admin-port", "0")) {
            assertEquals(200, status(server, "/journal", null));
        }
    }

    @Test
    void aForeignHostOrOriginCannotReplaceTheRules() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, SMALL_HEAP, Map.of(), "--admin-port", "0")) {
            byte[] body = RULES.getBytes(StandardCharsets.UTF_8);
            String own = "127.0.0.1:" + server.adminPort();
            // DNS rebinding: a page of attacker.example whose name now resolves to 127.0.0.1
            assertEquals(403, rawStatus(server, rulesRequest(server, "attacker.example:" + server.adminPort(), null,
                    body.length), body));
            // a cross-origin POST from a page in the browser of the developer running the tests
            assertEquals(403, rawStatus(server, rulesRequest(server, own, "http://attacker.example", body.length), body));
            assertFalse(rulesNow(server).contains("replaced"), "the rules are unchanged");
            // the API's own address still may
            assertEquals(201, rawStatus(server, rulesRequest(server, own, "http://" + own, body.length), body));
            assertTrue(rulesNow(server).contains("replaced"));
        }
    }

    @Test
    void aTenMegabyteScriptIsRefusedInWellUnderASecond() throws Exception {
        try (StandaloneProcess server = StandaloneProcess.start(directory, SMALL_HEAP, Map.of(), "--admin-port", "0")) {
            StringBuilder yaml = new StringBuilder("rules:\n");
            for (int i = 0; yaml.length() < 10_000_000; i++) {
                yaml.append("  - match: { sql: \"SELECT ").append(i).append("\" }\n    respond: { affected: 1 }\n");
            }
            byte[] body = yaml.toString().getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            int status = rawStatus(server, rulesRequest(server, "127.0.0.1:" + server.adminPort(), null, body.length), body);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(413, status);
            assertTrue(millis < 1000, "refused after " + millis + " ms");
            assertEquals(200, status(server, "/health", null));
        }
    }
}
