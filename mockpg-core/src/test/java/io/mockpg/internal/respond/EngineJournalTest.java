package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.autocommit;
import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.extended;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.JournalEntry;
import io.mockpg.internal.engine.EngineSession;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineJournalTest {
    private static final String RULES = """
            rules:
              - id: insert-order
                match: { sql: "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)" }
                respond: { affected: 1 }
            """;

    @Test
    void entriesRecordSessionProtocolParamsRuleAndOutcome() {
        ScriptEngine engine = engine(RULES);
        EngineSession session = session(engine);
        Instant before = Instant.now();
        autocommit(session, "INSERT INTO orders (customer_id, amount) VALUES (7, 10.5)");
        simple(session, "BEGIN");
        extended(session, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)", "8", null);
        simple(session, "ROLLBACK");
        simple(session, "BEGIN");
        simple(session, "SELECT nothing");
        session.transaction().abandon();
        List<JournalEntry> journal = engine.journal();
        assertEquals(List.of("simple", "simple", "extended", "simple", "simple", "simple"),
                journal.stream().map(JournalEntry::protocol).toList());
        assertEquals(List.of("committed", "rolled_back", "rolled_back", "rolled_back", "rolled_back", "rolled_back"),
                journal.stream().map(JournalEntry::outcome).toList());
        assertEquals(Arrays.asList("insert-order", "builtin", "insert-order", "builtin", "builtin", null),
                journal.stream().map(JournalEntry::ruleId).toList());
        assertEquals(List.of("7", "10.5"), journal.get(0).params());
        assertEquals(Arrays.asList("8", null), journal.get(2).params());
        assertEquals(List.of(), journal.get(5).params());
        assertEquals("app", journal.get(0).user());
        assertEquals("shop", journal.get(0).database());
        assertTrue(!journal.get(0).time().isBefore(before));
    }

    @Test
    void verifyCountsAcrossProtocolsAndListsWhatWasReceived() {
        ScriptEngine engine = engine(RULES);
        EngineSession session = session(engine);
        simple(session, "INSERT INTO orders (customer_id, amount) VALUES (7, 10.5)");
        extended(session, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)", "8", "1");
        engine.verify(2, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)");
        engine.verify(1, "INSERT INTO orders (customer_id, amount) VALUES (8, $1)");
        AssertionError error = assertThrows(AssertionError.class, () -> engine.verify(1, "DELETE FROM orders"));
        assertEquals("""
                expected 1 statement matching: delete from orders
                but 0 matched; received 2 statements:
                1. INSERT INTO orders (customer_id, amount) VALUES (7, 10.5)  [$1=7, $2=10.5]
                2. INSERT INTO orders (customer_id, amount) VALUES ($1, $2)  [$1=8, $2=1]""", error.getMessage());
        engine.clearJournal();
        engine.verify(0, "INSERT INTO orders (customer_id, amount) VALUES ($1, $2)");
    }
}
