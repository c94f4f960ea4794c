package io.mockpg.e2e;

import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to the standalone server at -Xmx128m: no new statement is answered outside an open transaction,
 * the open transaction may finish, and the admin API answers until the sessions are gone, so a
 * CI job can still read the final journal.
 */
class DrainStandaloneTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void afterSigtermOnlyTheOpenTransactionIsAnsweredAndTheJournalStaysReadable() throws Exception {
        Path script = directory.resolve("drain.yaml");
        Files.writeString(script, """
                rules:
                  - id: insert
                    match: { sql: "INSERT INTO t (v) VALUES ($1)" }
                    respond: { affected: 1 }
                """);
        try (StandaloneProcess server = StandaloneProcess.start(directory, List.of("-Xmx128m"), Map.of(),
                "--script", script.toString(),
                "--admin-port", "0", "--drain-timeout", "20s");
             Connection idle = DriverManager.getConnection(server.jdbcUrl("shop"), "app", "");
             Connection busy = DriverManager.getConnection(server.jdbcUrl("shop"), "app", "");
             Statement idleStatement = idle.createStatement();
             Statement busyStatement = busy.createStatement()) {
            busy.setAutoCommit(false);
            assertEquals(1, busyStatement.executeUpdate("INSERT INTO t (v) VALUES (1)"));

            server.terminate();
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(10), () -> !accepts(server.port())),
                    "the listening socket is closed");

            SQLException refused = assertThrows(SQLException.class,
                    () -> idleStatement.executeUpdate("INSERT INTO t (v) VALUES (99)"));
            assertTrue(refused.getSQLState().startsWith("57P01") || refused.getSQLState().startsWith("08"),
                    refused.getSQLState() + " " + refused.getMessage());

            assertEquals(1, busyStatement.executeUpdate("INSERT INTO t (v) VALUES (2)"), "the transaction goes on");
            HttpResponse<String> journal = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.adminPort() + "/journal")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, journal.statusCode(), "the admin API answers while a session drains");
            assertTrue(journal.body().contains("VALUES (1)") && journal.body().contains("VALUES (2)"), journal.body());
            assertTrue(!journal.body().contains("VALUES (99)"), "nothing new was answered: " + journal.body());

            busy.commit();
            assertThrows(SQLException.class, () -> busyStatement.executeUpdate("INSERT INTO t (v) VALUES (3)"),
                    "after its transaction the session is ended");
            assertEquals(0, server.awaitExit(Duration.ofSeconds(20)));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
