package io.mockpg.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static final JournalRecord.Origin ORIGIN = new JournalRecord.Origin(1, "app", "shop");

    private static JournalRecord simple(String sql) {
        return new JournalRecord(ORIGIN, false, sql, List.of(), "r", T, null);
    }

    private static JournalRecord extended(String sql, String... params) {
        return new JournalRecord(ORIGIN, true, sql, Arrays.asList(params), "r", T, null);
    }

    private static Journal journal(JournalRecord... records) {
        Journal journal = new Journal();
        for (JournalRecord record : records) {
            journal.append(record);
        }
        return journal;
    }

    private final Journal received = journal(
            extended("INSERT INTO orders (customer_id, amount) VALUES ($1, $2)", "7", "10.5"),
            simple("insert into orders (customer_id, amount) values (8, 3)"),
            simple("SELECT * FROM orders LIMIT 10"),
            extended("SELECT * FROM orders LIMIT $1", "20"));

    private static void verify(Journal journal, int count, String sql) {
        Verifier.verify(journal, count, JournalQuery.sql(sql));
    }

    @Test
    void countsStatementsByNormalizedMatching() {
        verify(received, 2, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)");
        verify(received, 1, "INSERT INTO orders (customer_id, amount) VALUES ($1, 3)");
        verify(received, 1, "SELECT * FROM orders LIMIT 20");
        verify(received, 2, "SELECT * FROM orders LIMIT $1");
        verify(received, 0, "DELETE FROM orders");
    }

    @Test
    void mismatchListsWhatWasReceived() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> verify(received, 3, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)"));
        assertEquals("""
                expected 3 statements matching: insert into orders ( customer_id , amount ) values ( $1 , $2 )
                but 2 matched; received 4 statements:
                1. INSERT INTO orders (customer_id, amount) VALUES ($1, $2)  [$1=7, $2=10.5]  <- matches
                2. insert into orders (customer_id, amount) values (8, 3)  <- matches
                3. SELECT * FROM orders LIMIT 10
                4. SELECT * FROM orders LIMIT $1  [$1=20]""", error.getMessage());
    }

    @Test
    void emptyJournalSaysNothingWasReceived() {
        AssertionError error = assertThrows(AssertionError.class, () -> verify(journal(), 1, "SELECT 1"));
        assertEquals("expected 1 statement matching: select 1\nbut 0 matched; no statements were received",
                error.getMessage());
    }

    @Test
    void unmatchedReportNumbersStatementsWithTheirNearMisses() {
        Verifier.verifyNoUnmatched(List.of());
        JournalRecord record = new JournalRecord(new JournalRecord.Origin(9, "app", "shop"), true, "SELECT * FROM users WHERE id = $1",
                List.of("7"), null, T, () -> "parameters: $1=7\nclosest rule \"user-by-id\": sql matches");
        AssertionError error = assertThrows(AssertionError.class, () -> Verifier.verifyNoUnmatched(List.of(record)));
        assertEquals("""
                1 statement matched no rule:
                1. SELECT * FROM users WHERE id = $1  (session 9, extended)
                   parameters: $1=7
                   closest rule "user-by-id": sql matches""", error.getMessage());
    }
}
