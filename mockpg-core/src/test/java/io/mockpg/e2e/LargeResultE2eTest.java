package io.mockpg.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code repeat: 1000000} streamed from a standalone server limited to a 64 MiB heap: the rows
 * are generated as they are sent, never held, so the server survives and stays responsive.
 */
class LargeResultE2eTest {
    private static final int ROWS = 1_000_000;

    @Test
    void millionRowsFromA64MiBServer(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("big.yaml");
        Files.writeString(script, """
                rules:
                  - id: big
                    match: { sql: "SELECT id, payload FROM big" }
                    respond:
                      columns: [{id: int8}, {payload: text}]
                      rows: [["{{row}}", "payload number {{row}} with some padding to make the row longer"]]
                      repeat: %d
                """.formatted(ROWS));
        Path portFile = dir.resolve("port");
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "io.mockpg.internal.cli.Main", "--script", script.toString(), "--port", "0", "--port-file", portFile.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        try {
            int port = awaitPort(portFile, child);
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/mockpg";
            long count = 0;
            long lastId = 0;
            try (Connection c = PgClients.connect(url, "app", "x"); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("SELECT id, payload FROM big")) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (id != lastId + 1) {
                            throw new AssertionError("row " + id + " after " + lastId);
                        }
                        lastId = id;
                        count++;
                    }
                }
                c.commit();
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    assertTrue(rs.next());
                }
            }
            assertEquals(ROWS, count);
            assertTrue(child.isAlive(), "server exited");
            String log = Files.readString(stderr);
            assertFalse(log.contains("OutOfMemoryError"), log);
        } finally {
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static int awaitPort(Path portFile, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!child.isAlive()) {
                throw new AssertionError("server exited with " + child.exitValue());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no port file after 30 s");
    }
}
