package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LISTEN/NOTIFY between sessions (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-ASYNC), a rule's notify, and psql seeing an asynchronous notification. */
class ListenNotifyStandaloneTest {
    private static final String SCRIPT = """
            rules:
              - id: ship-order
                match: {sql: "UPDATE orders SET status = 'shipped' WHERE id = $1"}
                respond:
                  affected: 1
                  notify:
                    - {channel: order_events, payload: "{{$1}} shipped by {{user}}"}
            """;

    MockPgServer server;

    @BeforeEach
    void start() {
        server = MockPgServer.builder().scriptYaml(SCRIPT).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), user, "x");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static PGNotification[] await(Connection c, int millis) throws SQLException {
        PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(millis);
        return notifications == null ? new PGNotification[0] : notifications;
    }

    @Test
    void aNotifyFromOneSessionReachesEveryListenerWithTheSendersPid() throws Exception {
        try (Connection first = connect("app"); Connection second = connect("app"); Connection sender = connect("ops")) {
            execute(first, "LISTEN order_events");
            execute(second, "LISTEN order_events");
            execute(sender, "NOTIFY order_events, 'restocked'");
            int senderPid = sender.unwrap(PGConnection.class).getBackendPID();
            for (Connection listener : new Connection[] {first, second}) {
                PGNotification[] received = await(listener, 10_000);
                assertEquals(1, received.length);
                assertEquals("order_events", received[0].getName());
                assertEquals("restocked", received[0].getParameter());
                assertEquals(senderPid, received[0].getPID());
            }
            assertEquals(0, await(sender, 200).length, "the sender does not listen");
        }
    }

    @Test
    void pgNotifyAndUnlistenBehaveAsInPostgres() throws Exception {
        try (Connection listener = connect("app"); Connection sender = connect("app")) {
            execute(listener, "LISTEN jobs");
            execute(sender, "SELECT pg_notify('jobs', 'job 7')");
            assertEquals("job 7", await(listener, 10_000)[0].getParameter());
            execute(listener, "UNLISTEN jobs");
            execute(sender, "NOTIFY jobs, 'job 8'");
            assertEquals(0, await(listener, 300).length);
        }
    }

    @Test
    void aTransactionsNotificationsArriveAtCommitAndNotAfterRollback() throws Exception {
        try (Connection listener = connect("app"); Connection sender = connect("app")) {
            execute(listener, "LISTEN jobs");
            sender.setAutoCommit(false);
            execute(sender, "NOTIFY jobs, 'rolled back'");
            sender.rollback();
            execute(sender, "NOTIFY jobs, 'job 9'");
            execute(sender, "NOTIFY jobs, 'job 9'");
            assertEquals(0, await(listener, 300).length, "nothing before the commit");
            sender.commit();
            PGNotification[] received = await(listener, 10_000);
            assertEquals(1, received.length, "one delivery of a repeated notification, none of the rolled back one");
            assertEquals("job 9", received[0].getParameter());
        }
    }

    @Test
    void aRulesNotifyReachesListenersWithTemplatesFilledIn() throws Exception {
        try (Connection listener = connect("app"); Connection worker = connect("warehouse")) {
            execute(listener, "LISTEN order_events");
            try (Statement s = worker.createStatement()) {
                assertEquals(1, s.executeUpdate("UPDATE orders SET status = 'shipped' WHERE id = 42"));
            }
            PGNotification[] received = await(listener, 10_000);
            assertEquals(1, received.length);
            assertEquals("42 shipped by warehouse", received[0].getParameter());
            assertEquals(worker.unwrap(PGConnection.class).getBackendPID(), received[0].getPID());
        }
    }

    @Test
    void psqlPrintsAnAsynchronousNotification() throws Exception {
        Process psql = new ProcessBuilder("psql", "-X", "host=127.0.0.1 port=" + server.port()
                + " user=app dbname=shop").redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        try (OutputStream in = psql.getOutputStream(); Connection sender = connect("app")) {
            in.write("LISTEN order_events;\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.journal().stream().noneMatch(e -> e.sql().startsWith("LISTEN"))) {
                assertTrue(System.nanoTime() < deadline, "psql did not LISTEN");
                Thread.sleep(20);
            }
            execute(sender, "NOTIFY order_events, 'from jdbc'");
            Thread.sleep(200);
            in.write("SELECT 1;\n\\q\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(psql.waitFor(30, TimeUnit.SECONDS));
        String printed = output.get(10, TimeUnit.SECONDS);
        assertTrue(printed.contains("Asynchronous notification \"order_events\" with payload \"from jdbc\" received "
                + "from server process with PID "), printed);
    }

    @Test
    void theServerApiNotifiesListeners() throws Exception {
        try (Connection listener = connect("app")) {
            execute(listener, "LISTEN cache");
            server.notify("cache", "flush");
            PGNotification[] received = await(listener, 10_000);
            assertNotNull(received);
            assertEquals("flush", received[0].getParameter());
        }
    }
}
