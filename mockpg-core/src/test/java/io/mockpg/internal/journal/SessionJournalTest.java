package io.mockpg.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.JournalEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionJournalTest {
    private final Journal journal = new Journal();

    private static JournalRecord record(long session, String sql, String ruleId, String... params) {
        return new JournalRecord(new JournalRecord.Origin(session, "app", "shop"), params.length > 0, sql, Arrays.asList(params), ruleId,
                Instant.parse("2024-01-01T00:00:00Z"), ruleId == null ? () -> "closest rule \"x\"" : null);
    }

    @Test
    void entriesKeepTheirFieldsAndCopyDataGoesToTheLastStatement() {
        SessionJournal session = new SessionJournal(journal);
        session.record(record(5, "COPY t FROM STDIN", "copy-rule"));
        session.copyReceived("1,a\n2,b\n");
        session.record(record(5, "SELECT x", null, (String) null));
        JournalEntry copy = journal.entries().get(0);
        assertEquals(new JournalEntry(5, "app", "shop", "simple", "COPY t FROM STDIN", List.of(), "copy-rule",
                "none", "1,a\n2,b\n", Instant.parse("2024-01-01T00:00:00Z")), copy);
        JournalEntry unmatched = journal.entries().get(1);
        assertEquals("extended", unmatched.protocol());
        assertEquals(Arrays.asList((String) null), unmatched.params());
        assertNull(unmatched.copyData());
        assertEquals(List.of(unmatched), journal.unmatched());
        assertEquals("closest rule \"x\"", journal.unmatchedRecords().get(0).nearMissReport());
        journal.clear();
        assertTrue(journal.entries().isEmpty());
    }

    @Test
    void theArrivalTimeKeepsItsNanoseconds() {
        Instant arrival = Instant.parse("2026-11-22T18:04:05.123456789Z");
        new SessionJournal(journal).record(new JournalRecord(new JournalRecord.Origin(3, "app", "shop"), false,
                "SELECT 1", List.of(), "builtin", arrival, null));
        assertEquals(arrival, journal.entries().get(0).time());
    }
}
