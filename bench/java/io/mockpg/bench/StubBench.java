package io.mockpg.bench;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.Stub;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static io.mockpg.MockPgDsl.column;
import static io.mockpg.MockPgDsl.rows;
import static io.mockpg.MockPgDsl.statement;

/**
 * Two figures of the Java stubbing API (docs/performance.md):
 * <ul>
 * <li>a rule added per test as a stub costs no more than the same rule added as YAML: rounds of
 *     add + reset, the two kinds interleaved in one run, median microseconds per rule;</li>
 * <li>{@code server.find(pattern)} over a journal of 100,000 entries (sent by a real pgjdbc
 *     session): median milliseconds.</li>
 * </ul>
 */
public final class StubBench {
    private static final int ROUNDS = 31;
    private static final int RULES_PER_ROUND = 2_000;

    private StubBench() {
    }

    public static void main(String[] args) throws Exception {
        try (MockPgServer server = MockPgServer.builder().journalLimit(200_000).start()) {
            List<Double> stub = new ArrayList<>();
            List<Double> yaml = new ArrayList<>();
            for (int round = 0; round < ROUNDS + 3; round++) {
                double s = perRule(() -> server.stub(stubFor(1)), server);
                double y = perRule(() -> server.addScriptYaml(YAML), server);
                if (round >= 3) { // warm-up rounds left out
                    stub.add(s);
                    yaml.add(y);
                }
            }
            System.out.printf(Locale.ROOT, "stub-add-us %.1f%nyaml-add-us %.1f%n", median(stub), median(yaml));

            fillJournal(server, 100_000);
            List<Double> find = new ArrayList<>();
            int found = 0;
            for (int round = 0; round < ROUNDS + 3; round++) {
                long start = System.nanoTime();
                List<JournalEntry> hits = server.find(statement("SELECT v FROM kv WHERE k = $1").withParams(77));
                double ms = (System.nanoTime() - start) / 1e6;
                found = hits.size();
                if (round >= 3) {
                    find.add(ms);
                }
            }
            System.out.printf(Locale.ROOT, "journal-entries %d%nfind-ms %.1f%nfound %d%n", server.journal().size(),
                    median(find), found);
        }
    }

    private static final String YAML = """
            rules:
              - match:
                  sql: SELECT id, name, email FROM users WHERE id = $1
                  params: [1]
                respond:
                  columns:
                    - id: int4
                    - name: text
                    - email: text
                  rows:
                    - [1, Alice, alice@example.com]
            """;

    private static Stub stubFor(int id) {
        return statement("SELECT id, name, email FROM users WHERE id = $1").withParams(id)
                .willReturn(rows(column("id", "int4"), column("name", "text"), column("email", "text"))
                        .row(id, "Alice", "alice@example.com"));
    }

    /** Microseconds per rule added, the reset that removes them included (as after each test). */
    private static double perRule(Runnable add, MockPgServer server) {
        long start = System.nanoTime();
        for (int i = 0; i < RULES_PER_ROUND; i++) {
            add.run();
            if (i % 10 == 9) {
                server.reset(); // a test adds a few rules, then the extension resets
            }
        }
        server.reset();
        return (System.nanoTime() - start) / 1e3 / RULES_PER_ROUND;
    }

    /** Statements through one simple-protocol Query each of 1,000 statements, as a session's own. */
    private static void fillJournal(MockPgServer server, int statements) throws Exception {
        server.stub(statement("SELECT v FROM kv WHERE k = $1").willReturn(rows(column("v", "int4")).row(1)));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl() + "?preferQueryMode=simple", "app", "x");
             Statement s = c.createStatement()) {
            for (int sent = 0; sent < statements; sent += 1000) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 1000; i++) {
                    batch.append("SELECT v FROM kv WHERE k = ").append((sent + i) % 1000).append(';');
                }
                s.execute(batch.toString());
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
