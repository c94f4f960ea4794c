package io.mockpg.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.ScriptCheckReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A 1,000-rule script is checked in one session, in a few pipelined round trips, within 2 seconds. */
class ThousandRulesTest {

    static String thousandRules() {
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int i = 0; i < 1000; i++) {
            yaml.append(switch (i % 4) {
                case 0 -> "  - match: {sql: 'SELECT id, name, email FROM customers WHERE id = $1', params: [" + i
                        + "]}\n    respond: {columns: [{id: int4}, {name: text}, {email: varchar}]}\n";
                case 1 -> "  - match: {sql: 'UPDATE customers SET name = $1 WHERE id = $2', params: [n" + i + ", " + i
                        + "]}\n    respond: {affected: 1}\n";
                case 2 -> "  - match: {sql: 'INSERT INTO orders (id, customer_id, amount) VALUES ($1, $2, $3)"
                        + " RETURNING id'}\n    respond: {columns: [{id: int8}]}\n";
                default -> "  - match: {sql: 'SELECT sum(amount) FROM orders WHERE customer_id = " + i + "'}\n"
                        + "    respond: {columns: [{sum: numeric}]}\n";
            });
        }
        return yaml.toString();
    }

    @Test
    void aThousandRulesTakeAFewRoundTripsAndUnderTwoSeconds() {
        String yaml = thousandRules();
        ScriptCheckerTest.check(yaml); // warm the JIT and the server's caches once
        long start = System.nanoTime();
        ScriptCheckReport report = ScriptCheckerTest.check(yaml);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("1000 rules checked, 0 drifted, 0 not checked", report.summary());
        // startup and four batches of 250 statements (the ROLLBACK as the session closes is one more)
        assertEquals(5, report.roundTrips());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took.toMillis() + " ms");
        System.out.println("1000 rules checked in " + took.toMillis() + " ms, " + report.roundTrips() + " round trips");
    }
}
