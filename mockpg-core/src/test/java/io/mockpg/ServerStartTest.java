package io.mockpg;

import io.mockpg.e2e.PgClients;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * start() binds the port itself and returns; Netty's event loops take the socket over on a
 * background thread. A client may connect at once, and a server closed before the setup is
 * done must still let go of its port and its threads.
 */
class ServerStartTest {
    private static final String SCRIPT = """
            rules:
              - match: { sql: SELECT 1 }
                respond:
                  columns: [{"?column?": int4}]
                  rows: [[1]]
            """;

    @Test
    void aClientConnectingRightAfterStartIsAnswered() throws SQLException {
        try (MockPgServer server = MockPgServer.builder().scriptYaml(SCRIPT).start();
             Connection connection = PgClients.connect(server, PgClients.Mode.EXTENDED);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void aServerClosedRightAfterStartFreesItsPortAndThreads() throws Exception {
        long threadsBefore = serverThreads();
        for (int i = 0; i < 100; i++) {
            MockPgServer server = MockPgServer.builder().host("127.0.0.1").start();
            int port = server.port();
            server.close();
            try (ServerSocket rebound = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertEquals(port, rebound.getLocalPort());
            }
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (serverThreads() > threadsBefore && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(serverThreads() <= threadsBefore, "threads left: " + serverThreads() + " > " + threadsBefore);
    }

    @Test
    void aPortInUseFailsTheStartWithTheBindFailure() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            MockPgServer.Builder builder = MockPgServer.builder().host("127.0.0.1").port(taken.getLocalPort());
            UncheckedIOException failure = assertThrows(UncheckedIOException.class, builder::start);
            assertInstanceOf(BindException.class, failure.getCause());
            assertEquals("could not listen on 127.0.0.1:" + taken.getLocalPort(), failure.getMessage());
        }
    }

    /** The setup thread and the NIO event loops Netty names after their group. */
    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.equals("mockpg-start") || name.startsWith("nioEventLoopGroup-"))
                .count();
    }
}
