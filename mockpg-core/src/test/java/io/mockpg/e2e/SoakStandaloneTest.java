package io.mockpg.e2e;

import io.mockpg.internal.cli.StandaloneProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short soak of the standalone server at -Xmx128m (docs/robustness.md; the long one is
 * bench/soak.sh): SESSIONS pgjdbc sessions, half simple and half extended protocol, mixing
 * lookups, transactions, scripted errors and large results for SECONDS seconds, while other
 * clients are killed in the middle of a large result and one never reads a ten-million-row
 * result; then SIGTERM under load. No unexpected error, no buffer leak, the heap after
 * collection stays bounded, no "LEAK:" in the server's log, and the server exits 0. The
 * server's leak detector runs at the advanced level in the build (a sample of the buffers
 * tracked) and at paranoid level (every buffer) with {@code -Dmockpg.soak.leakDetection=paranoid},
 * as bench/soak.sh runs it; either way recording only where a buffer is retained and released.
 */
class SoakStandaloneTest {
    static final int SESSIONS = Integer.getInteger("mockpg.soak.sessions", 150);
    static final int SECONDS = Integer.getInteger("mockpg.soak.seconds", 12);
    /** The server's Netty leak detection level; bench/soak.sh runs it at paranoid. */
    static final String LEAK_DETECTION = System.getProperty("mockpg.soak.leakDetection", "advanced");
    private static final String SCRIPT = """
            rules:
              - id: lookup
                match: { sql: "SELECT name FROM customers WHERE id = $1" }
                respond: { columns: [ { name: text } ], rows: [ [ "customer {{$1}}" ] ] }
              - id: insert
                match: { sql: "INSERT INTO orders (customer_id) VALUES ($1)" }
                respond: { affected: 1 }
              - id: refused
                match: { sql: "UPDATE stock SET n = n - 1 WHERE id = $1" }
                respond: { error: { code: "40001", message: could not serialize access } }
              - id: large
                match: { sql: "SELECT n, label FROM large" }
                respond:
                  columns: [ { n: int8 }, { label: text } ]
                  rows: [ [ "{{row}}", "a label of some forty characters, row {{row}}" ] ]
                  repeat: 5000
              - id: endless
                match: { sql: SELECT n FROM endless }
                respond:
                  columns: [ { n: int8 } ]
                  rows: [ [ "{{row}}" ] ]
                  repeat: 10000000
            """;
    private static final Pattern GC_AFTER = Pattern.compile("->(\\d+)M\\(\\d+M\\)");

    @TempDir
    Path directory;

    @Test
    void manySessionsMixedLoadKilledAndStalledClientsThenSigterm() throws Exception {
        Path script = directory.resolve("soak.yaml");
        Files.writeString(script, SCRIPT);
        Path gcLog = directory.resolve("gc.log");
        try (StandaloneProcess server = StandaloneProcess.start(directory,
                List.of("-Xmx" + System.getProperty("mockpg.soak.heap", "128m"), "-Xlog:gc:file=" + gcLog, "-Dio.netty.leakDetection.level=" + LEAK_DETECTION,
                        // every tracked buffer is still checked; only its accesses other than
                        // retain and release go unrecorded, which at paranoid level cost seconds
                        // per megabyte of result and stalled whole event loops
                        "-Dio.netty.leakDetection.acquireAndReleaseOnly=true"), Map.of("MOCKPG_LOG_LEVEL", "warn"),
                "--script", script.toString(), "--max-connections", String.valueOf(SESSIONS + 50),
                "--drain-timeout", "5s")) {
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicLong statements = new AtomicLong();
            RawPgClient stalled = new RawPgClient("127.0.0.1", server.port());
            stalled.login();
            stalled.send(RawPgClient.query("SELECT n FROM endless")); // and never read
            ExecutorService pool = Executors.newFixedThreadPool(SESSIONS + 4);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                boolean simple = i % 2 == 0;
                workers.add(pool.submit(() -> work(server, simple, deadline, statements, errors)));
            }
            for (int i = 0; i < 4; i++) {
                workers.add(pool.submit(() -> killMidResult(server, deadline, errors)));
            }
            for (Future<?> worker : workers) {
                worker.get(SECONDS + 60L, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), List.copyOf(errors), "after " + statements.get() + " statements; the server's log: "
                    + server.stderr().substring(Math.max(0, server.stderr().length() - 3000)));
            assertTrue(statements.get() > SESSIONS * 10L, statements.get() + " statements");
            int heapAfterLoad = lastHeapAfterGc(gcLog);
            // one line for bench/soak.sh and the docs' figures
            System.out.printf("soak: %d sessions x %d s, %d statements, %d errors, heap after GC first %d MB, last %d MB,"
                    + " leak detection %s%n", SESSIONS, SECONDS, statements.get(), errors.size(), firstHeapAfterGc(gcLog),
                    heapAfterLoad, LEAK_DETECTION);

            // SIGTERM under load: sessions end with 57P01 (or find the connection closed), the server exits 0
            CountDownLatch running = new CountDownLatch(SESSIONS / 2);
            List<Future<?>> draining = new ArrayList<>();
            for (int i = 0; i < SESSIONS / 2; i++) {
                draining.add(pool.submit(() -> untilEnded(server, running)));
            }
            assertTrue(running.await(30, TimeUnit.SECONDS));
            server.terminate();
            for (Future<?> worker : draining) {
                worker.get(30, TimeUnit.SECONDS);
            }
            assertEquals(0, server.awaitExit(Duration.ofSeconds(20)));
            stalled.close();
            pool.shutdownNow();
            String stderr = server.stderr();
            assertFalse(stderr.contains("OutOfMemoryError"), stderr);
            assertFalse(stderr.contains("LEAK:"), "Netty's leak detector, at " + LEAK_DETECTION + " level: " + stderr);
            assertFalse(stderr.contains("WARN") || stderr.contains("ERROR"), stderr);
            assertTrue(heapAfterLoad < 100, "heap after GC " + heapAfterLoad + " MB at -Xmx128m");
        }
    }

    /** One session's loop: lookups, transactions, a scripted error and now and then a large result. */
    private static void work(StandaloneProcess server, boolean simple, long deadline, AtomicLong statements,
                             ConcurrentLinkedQueue<String> errors) {
        String url = server.jdbcUrl("shop") + (simple ? "?preferQueryMode=simple" : "?prepareThreshold=1");
        try (Connection c = DriverManager.getConnection(url, "app", "");
             PreparedStatement lookup = c.prepareStatement("SELECT name FROM customers WHERE id = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO orders (customer_id) VALUES (?)");
             PreparedStatement refused = c.prepareStatement("UPDATE stock SET n = n - 1 WHERE id = ?");
             Statement plain = c.createStatement()) {
            for (int round = 0; System.nanoTime() < deadline; round++) {
                lookup.setInt(1, round);
                try (ResultSet rs = lookup.executeQuery()) {
                    check(rs.next() && ("customer " + round).equals(rs.getString(1)), "lookup " + round, errors);
                }
                c.setAutoCommit(false);
                insert.setInt(1, round);
                check(insert.executeUpdate() == 1, "insert", errors);
                c.commit();
                refused.setInt(1, round);
                try {
                    refused.executeUpdate();
                    errors.add("the scripted error was not raised");
                } catch (SQLException expected) {
                    check("40001".equals(expected.getSQLState()), "error " + expected.getSQLState(), errors);
                }
                c.rollback();
                c.setAutoCommit(true);
                statements.addAndGet(5);
                if (round % 20 == 0) {
                    try (ResultSet rs = plain.executeQuery("SELECT n, label FROM large")) {
                        int rows = 0;
                        while (rs.next()) {
                            rows++;
                        }
                        check(rows == 5000, "large result of " + rows + " rows", errors);
                    }
                    statements.incrementAndGet();
                }
            }
        } catch (SQLException e) {
            errors.add(e.getSQLState() + " " + e.getMessage());
        }
    }

    /** Clients that ask for a large result and vanish (a TCP reset) after its first bytes. */
    private static void killMidResult(StandaloneProcess server, long deadline, ConcurrentLinkedQueue<String> errors) {
        try {
            while (System.nanoTime() < deadline) {
                // as patient as the pgjdbc sessions, which have no read timeout: under 1,000
                // sessions at paranoid leak detection an answer may take more than 5 s
                RawPgClient client = new RawPgClient("127.0.0.1", server.port()).readTimeout(Duration.ofSeconds(60));
                client.login();
                client.send(RawPgClient.query("SELECT n, label FROM large"));
                client.readUntil('D');
                client.resetAbruptly();
            }
        } catch (Exception e) {
            errors.add("killed client: " + e);
        }
    }

    /** Runs statements until the server ends the session; any other failure is one. */
    private static void untilEnded(StandaloneProcess server, CountDownLatch running) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("shop") + "?prepareThreshold=1", "app", "");
             PreparedStatement lookup = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
            running.countDown();
            for (int i = 0; ; i++) {
                lookup.setInt(1, i);
                lookup.executeQuery().close();
            }
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            assertTrue(state.equals("57P01") || state.startsWith("08"), state + " " + e.getMessage());
        }
    }

    private static void check(boolean condition, String what, ConcurrentLinkedQueue<String> errors) {
        if (!condition) {
            errors.add(what);
        }
    }

    /** The heap after the first collection the GC log reports, in MB. */
    static int firstHeapAfterGc(Path gcLog) throws Exception {
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /** The heap after the last collection the GC log reports, in MB. */
    static int lastHeapAfterGc(Path gcLog) throws Exception {
        int last = -1;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
        }
        return last;
    }
}
