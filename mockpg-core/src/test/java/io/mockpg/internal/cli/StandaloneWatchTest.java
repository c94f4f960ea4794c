package io.mockpg.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --watch: scripts edited on disk while clients run are swapped in whole; a broken edit changes nothing. */
class StandaloneWatchTest {
    private static final int CLIENTS = 3;

    @TempDir
    Path directory;

    private static String script(String greeting) {
        return """
                rules:
                  - id: greeting
                    match: {sql: "SELECT greeting FROM settings WHERE lang = $1"}
                    respond:
                      columns: [{greeting: text}]
                      rows: [["%s"]]
                  - id: farewell
                    match: {sql: "SELECT farewell FROM settings"}
                    respond:
                      columns: [{farewell: text}]
                      rows: [[bye]]
                """.formatted(greeting);
    }

    /** Clients that query in a loop through pgjdbc and remember every answer and every failure. */
    private static final class Clients implements AutoCloseable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final AtomicReference<String> latest = new AtomicReference<>();
        final List<Thread> threads = new ArrayList<>();

        Clients(String url) {
            for (int i = 0; i < CLIENTS; i++) {
                Thread thread = new Thread(() -> loop(url), "client-" + i);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop(String url) {
            try (Connection c = DriverManager.getConnection(url, "app", "x");
                 PreparedStatement greeting = c.prepareStatement("SELECT greeting FROM settings WHERE lang = ?");
                 PreparedStatement farewell = c.prepareStatement("SELECT farewell FROM settings")) {
                greeting.setString(1, "en");
                while (running.get()) {
                    try (ResultSet rs = greeting.executeQuery()) {
                        rs.next();
                        String answer = rs.getString(1);
                        answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                        latest.set(answer);
                    }
                    try (ResultSet rs = farewell.executeQuery()) {
                        rs.next();
                        if (!"bye".equals(rs.getString(1))) {
                            failures.add(new AssertionError("farewell: " + rs.getString(1)));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                failures.add(e);
            }
        }

        int count(String answer) {
            AtomicInteger count = answers.get(answer);
            return count == null ? 0 : count.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }

    @Test
    void editsAreSwappedInWhileClientsRunAndABrokenEditKeepsTheRules() throws Exception {
        Path script = directory.resolve("greetings.yaml");
        Files.writeString(script, script("hello"));
        try (StandaloneProcess server = StandaloneProcess.start(directory, "--script", script.toString(), "--watch");
             Clients clients = new Clients(server.jdbcUrl("app"))) {
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(10), () -> clients.count("hello") > 50));

            // an in-place rewrite, as most editors do
            Files.writeString(script, script("bonjour"));
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(20), () -> clients.count("bonjour") > 50),
                    "new answer after the edit; answers " + clients.answers + "; log:\n" + server.stderr());
            assertTrue(server.stderr().contains("scripts reloaded"), server.stderr());

            // a broken edit: logged with file:line:column, the previous rules stay
            Files.writeString(script, script("hallo").replace("respond:", "respnd:"));
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(20),
                    () -> stderr(server).contains("scripts not reloaded")), server.stderr());
            assertTrue(server.stderr().contains(script + ":4:5: "), server.stderr());
            assertTrue(server.stderr().contains(script + ":9:5: "), server.stderr());
            int bonjourBefore = clients.count("bonjour");
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(10),
                    () -> clients.count("bonjour") > bonjourBefore + 50));
            assertEquals(0, clients.count("hallo"));

            // fixed again
            Files.writeString(script, script("ciao"));
            assertTrue(StandaloneProcess.await(Duration.ofSeconds(20), () -> clients.count("ciao") > 50),
                    "answers " + clients.answers);
            clients.close();
            assertEquals(List.of(), clients.failures, "no statement failed during the swaps");
            assertEquals("ciao", clients.latest.get());
            assertEquals(java.util.Set.of("hello", "bonjour", "ciao"), clients.answers.keySet());
        }
    }

    private static String stderr(StandaloneProcess server) {
        try {
            return server.stderr();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
