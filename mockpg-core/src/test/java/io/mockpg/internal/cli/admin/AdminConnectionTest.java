package io.mockpg.internal.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection handling of the admin API, checked on raw sockets. */
class AdminConnectionTest {

    private AdminServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = new AdminServer(new FakeAdminBackend());
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsHttp11ConnectionsOpenAcrossRequests() throws IOException {
        try (Socket socket = connect()) {
            write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            write(socket, "POST /notify HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 17\r\n\r\n{\"channel\": \"c\"}\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 204"));
            write(socket, "GET /nothing HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 404"));
        }
    }

    @Test
    void closesWhenTheClientAsks() throws IOException {
        try (Socket socket = connect()) {
            write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            String response = readResponse(socket.getInputStream());
            assertTrue(response.toLowerCase(Locale.ROOT).contains("connection: close"), response);
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void closesHttp10ConnectionsWithoutKeepAlive() throws IOException {
        try (Socket socket = connect()) {
            write(socket, "GET /health HTTP/1.0\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.0 200"));
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void refusesOversizedBodies() throws IOException {
        try (Socket socket = connect()) {
            write(socket, "POST /rules HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + (AdminServer.MAX_BODY_BYTES + 1)
                    + "\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 413"));
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void write(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one response: the head, then Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
