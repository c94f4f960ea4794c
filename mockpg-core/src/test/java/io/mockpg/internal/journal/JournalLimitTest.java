package io.mockpg.internal.journal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal keeps the newest entries up to its limit, counts what it dropped, and pages by sequence number. */
class JournalLimitTest {
    private static final JournalRecord.Origin ORIGIN = new JournalRecord.Origin(1, "app", "shop");

    private static JournalRecord record(int n) {
        return new JournalRecord(ORIGIN, true, "SELECT $1", List.of(String.valueOf(n)), "r", Instant.EPOCH, null);
    }

    private static List<Long> sequences(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::sequence).toList();
    }

    @Test
    void dropsTheOldestBeyondTheLimitAndCountsThem() {
        Journal journal = new Journal(3);
        for (int i = 1; i <= 5000; i++) {
            journal.append(record(i));
        }
        assertEquals(List.of(4998L, 4999L, 5000L), sequences(journal.records()));
        assertEquals(4997, journal.dropped());
        assertEquals(List.of("5000"), journal.entries().get(2).params());
        AssertionError refused = assertThrows(AssertionError.class,
                () -> Verifier.verify(journal, 3, JournalQuery.sql("SELECT $1")));
        assertEquals("cannot count statements matching select $1: the journal dropped its 4997 oldest entries"
                + " (journal limit 3), so a count would miss them; raise the limit (journalLimit(...) or"
                + " --journal-limit) or clear the journal between phases", refused.getMessage());
        assertThrows(AssertionError.class, () -> Verifier.find(journal, JournalQuery.sql("SELECT $1")));
        journal.clear();
        assertEquals(0, journal.dropped());
        journal.append(record(1));
        assertEquals(List.of(5001L), sequences(journal.records()), "sequence numbers keep counting");
        Verifier.verify(journal, 1, JournalQuery.sql("SELECT $1"));
    }

    @Test
    void pagesAfterASequenceNumberAcrossTheRingsWrap() {
        Journal journal = new Journal(2000);
        for (int i = 1; i <= 2500; i++) {
            journal.append(record(i));
        }
        assertEquals(List.of(501L, 502L), sequences(journal.page(0, 2)), "the oldest kept");
        assertEquals(List.of(1500L, 1501L, 1502L), sequences(journal.page(1499, 3)));
        assertEquals(List.of(2500L), sequences(journal.page(2499, 10)));
        assertTrue(journal.page(2500, 10).isEmpty());
        assertEquals(2500, journal.lastSequence());
    }

    @Test
    void aSingleParameterIsKeptWithoutAnArrayAndReadBackTheSame() {
        JournalRecord one = new JournalRecord(ORIGIN, true, "SELECT $1", List.of("x"), "r", Instant.EPOCH, null);
        JournalRecord nullOne = new JournalRecord(ORIGIN, true, "SELECT $1", java.util.Arrays.asList((String) null), "r",
                Instant.EPOCH, null);
        JournalRecord two = new JournalRecord(ORIGIN, false, "SELECT $1, $2", List.of("a", "b"), "r", Instant.EPOCH, null);
        assertEquals(List.of("x"), one.entry().params());
        assertEquals(java.util.Arrays.asList((String) null), nullOne.entry().params());
        assertEquals(List.of("a", "b"), two.entry().params());
        assertEquals("simple", two.entry().protocol());
        two.outcome(JournalRecord.ROLLED_BACK);
        assertEquals("rolled_back", two.entry().outcome());
        assertEquals("simple", two.entry().protocol(), "the outcome keeps the protocol bit");
    }
}
