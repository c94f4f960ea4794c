package io.mockpg.internal.cli.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may use the admin API: Host must name the bound address, a foreign Origin is refused
 * (403, token or not), a configured token is required for all but GET /health (401), and a
 * body over the limit is refused from its Content-Length at once (413).
 */
class AdminAccessTest {
    private static final String TOKEN = "t0k3n-for-tests";
    private AdminServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = new AdminServer(new FakeAdminBackend(), new AdminAccess(TOKEN));
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The status line of the answer to one raw request. */
    private String status(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\r') {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }

    private String get(String path, String headers) throws IOException {
        return status("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private String host() {
        return "Host: 127.0.0.1:" + port + "\r\n";
    }

    @Test
    void everyRequestButHealthNeedsTheBearerToken() throws IOException {
        assertEquals("HTTP/1.1 200 OK", get("/health", host()));
        assertEquals("HTTP/1.1 401 Unauthorized", get("/journal", host()));
        assertEquals("HTTP/1.1 401 Unauthorized", get("/journal", host() + "Authorization: Bearer wrong\r\n"));
        assertEquals("HTTP/1.1 401 Unauthorized", get("/journal", host() + "Authorization: Basic " + TOKEN + "\r\n"));
        assertEquals("HTTP/1.1 200 OK", get("/journal", host() + "Authorization: Bearer " + TOKEN + "\r\n"));
        assertEquals("HTTP/1.1 401 Unauthorized",
                status("POST /reset HTTP/1.1\r\n" + host() + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aForeignHostIsRefusedEvenWithTheToken() throws IOException {
        String token = "Authorization: Bearer " + TOKEN + "\r\n";
        assertEquals("HTTP/1.1 403 Forbidden", get("/journal", "Host: evil.example:" + port + "\r\n" + token));
        assertEquals("HTTP/1.1 403 Forbidden", get("/health", "Host: evil.example:" + port + "\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", get("/journal", "Host: 127.0.0.1:1\r\n" + token));
        assertEquals("HTTP/1.1 200 OK", get("/journal", "Host: localhost:" + port + "\r\n" + token));
    }

    @Test
    void aForeignOriginIsRefused() throws IOException {
        String token = "Authorization: Bearer " + TOKEN + "\r\n";
        assertEquals("HTTP/1.1 403 Forbidden", status("POST /reset HTTP/1.1\r\n" + host()
                + "Origin: http://evil.example\r\n" + token + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
        assertEquals("HTTP/1.1 403 Forbidden", get("/health", host() + "Origin: null\r\n"));
        assertEquals("HTTP/1.1 200 OK", get("/health", host() + "Origin: http://127.0.0.1:" + port + "\r\n"));
    }

    @Test
    void aTenMegabyteBodyIsRefusedAtOnceFromItsContentLength() throws IOException {
        byte[] yaml = ("rules:\n" + "  - match: { sql: SELECT 1 }\n".repeat(400_000)).getBytes(StandardCharsets.UTF_8);
        assertTrue(yaml.length > 10_000_000);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            long start = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(("POST /rules HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Length: " + yaml.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(yaml);
            } catch (IOException closedMeanwhile) {
                // the server answered and closed before the whole body was sent
            }
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("HTTP/1.1 413", answer);
            assertTrue(millis < 1000, "took " + millis + " ms");
        }
    }

    @Test
    void theHostRuleAcceptsTheBoundAddressAndLoopbackAliases() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 8081);
        assertTrue(AdminAccess.allowedHost(loopback, "127.0.0.1:8081"));
        assertTrue(AdminAccess.allowedHost(loopback, "LOCALHOST:8081"));
        assertTrue(AdminAccess.allowedHost(loopback, "[::1]:8081"));
        assertFalse(AdminAccess.allowedHost(loopback, "127.0.0.1"));
        assertFalse(AdminAccess.allowedHost(loopback, "127.0.0.1:80"));
        assertFalse(AdminAccess.allowedHost(loopback, "rebind.example:8081"));
        InetSocketAddress lan = new InetSocketAddress("10.1.2.3", 8081);
        assertTrue(AdminAccess.allowedHost(lan, "10.1.2.3:8081"));
        assertFalse(AdminAccess.allowedHost(lan, "localhost:8081"));
        InetSocketAddress everywhere = new InetSocketAddress("0.0.0.0", 8081);
        assertTrue(AdminAccess.allowedHost(everywhere, "mockpg:8081"), "a CI service name");
        assertFalse(AdminAccess.allowedHost(everywhere, "mockpg:9999"));
    }
}
