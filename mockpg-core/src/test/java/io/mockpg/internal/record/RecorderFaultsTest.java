package io.mockpg.internal.record;

import io.mockpg.MockPgServer;
import io.mockpg.internal.upstream.UpstreamUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a recorded client sees when its upstream refuses, closes or breaks the protocol; what is recorded survives. */
class RecorderFaultsTest {
    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void anUpstreamRefusingASessionLaterGivesTheClientItsOwnError() throws Exception {
        try (MockPgServer upstream = MockPgServer.builder().scriptYaml("""
                server: {max_connections: 1}
                rules:
                  - match: {sql: SELECT seven FROM numbers}
                    respond: {columns: [{seven: int4}], rows: [[7]]}
                """).start()) {
            Recorder recorder = recorder(upstream.port(), directory.resolve("out.yaml"));
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            try (Connection first = connect(port)) {
                PSQLException refused = assertThrows(PSQLException.class, () -> connect(port));
                assertEquals("53300", refused.getSQLState());
                assertEquals("sorry, too many clients already", refused.getServerErrorMessage().getMessage());
                // the recorder keeps serving the session it has
                assertEquals(7, selectSeven(first));
            } finally {
                recorder.close();
            }
            assertTrue(Files.readString(directory.resolve("out.yaml")).contains("sql: SELECT seven FROM numbers"));
        }
    }

    @Test
    void anUpstreamClosingMidSessionGivesTheClient08006AndKeepsWhatWasRecorded() throws Exception {
        try (MockPgServer upstream = MockPgServer.builder().scriptYaml("""
                rules:
                  - match: {sql: SELECT seven FROM numbers}
                    respond: {columns: [{seven: int4}], rows: [[7]]}
                  - match: {sql: SELECT pg_terminate_backend(pg_backend_pid())}
                    respond: {fault: close}
                """).start()) {
            Path out = directory.resolve("out.yaml");
            Recorder recorder = recorder(upstream.port(), out);
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            try (Connection connection = connect(port)) {
                assertEquals(7, selectSeven(connection));
                PSQLException closed = assertThrows(PSQLException.class,
                        () -> connection.createStatement().execute("SELECT pg_terminate_backend(pg_backend_pid())"));
                assertEquals("08006", closed.getSQLState());
                assertTrue(closed.getMessage().contains("upstream closed the connection unexpectedly"), closed.getMessage());
                assertTrue(connection.isClosed() || !connection.isValid(5));
            }
            // the session ended: the script is written with what came before
            assertTrue(awaitScript(out, "sql: SELECT seven FROM numbers"));
            recorder.close();
            assertTrue(Files.readString(out).contains("sql: SELECT seven FROM numbers"));
        }
    }

    @Test
    void anUpstreamSendingGarbageGivesTheClient08P01() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> fakeUpstream(fake), "fake-upstream");
            upstream.setDaemon(true);
            upstream.start();
            Recorder recorder = recorder(fake.getLocalPort(), directory.resolve("out.yaml"));
            int port = recorder.start("127.0.0.1", 0, false).getPort();
            try {
                // pgjdbc's first query (at connect or after) gets the broken answer
                PSQLException broken = assertThrows(PSQLException.class, () -> {
                    try (Connection connection = connect(port)) {
                        connection.createStatement().executeQuery("SELECT 1 AS one");
                    }
                });
                assertEquals("08P01", broken.getSQLState());
                assertTrue(broken.getMessage().contains("upstream sent a malformed message"), broken.getMessage());
            } finally {
                recorder.close();
            }
        }
    }

    /** A server that completes every startup (trust) and answers any query with a CommandComplete without its terminator. */
    private static void fakeUpstream(ServerSocket listening) {
        while (!listening.isClosed()) {
            try (Socket socket = listening.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                int length = in.readInt();
                in.skipNBytes(length - 4);
                out.write(new byte[] {'R', 0, 0, 0, 8, 0, 0, 0, 0});
                byte[] version = "server_version\u000015.0\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                out.writeByte('S');
                out.writeInt(4 + version.length);
                out.write(version);
                out.write(new byte[] {'Z', 0, 0, 0, 5, 'I'});
                out.flush();
                while (true) {
                    byte type = in.readByte();
                    in.skipNBytes(in.readInt() - 4);
                    if (type == 'X') {
                        break;
                    }
                    out.write(new byte[] {'C', 0, 0, 0, 6, 'x', 'y'});
                    out.flush();
                }
            } catch (IOException e) {
                // the next connection, or the end
            }
        }
    }

    private Recorder recorder(int upstreamPort, Path out) {
        return new Recorder(UpstreamUrl.parse("postgresql://app@127.0.0.1:" + upstreamPort + "/app?sslmode=disable", Map.of()),
                out, "test", warnings::add);
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/app?sslmode=disable",
                RecordingDatabase.credentials("app", "x"));
    }

    private static int selectSeven(Connection connection) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT seven FROM numbers")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean awaitScript(Path out, String part) throws Exception {
        return io.mockpg.internal.cli.StandaloneProcess.await(java.time.Duration.ofSeconds(20), () -> {
            try {
                return Files.readString(out).contains(part);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
