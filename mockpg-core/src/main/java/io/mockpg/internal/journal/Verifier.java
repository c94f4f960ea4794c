package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;
import io.mockpg.internal.matching.ParamText;
import io.mockpg.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verification of the journal (docs/junit5.md): finds and counts records by a
 * {@link JournalQuery}, and reports unmatched statements. Refuses to count once the journal
 * has dropped entries, since the count would silently miss them.
 */
public final class Verifier {
    /** Longest listing of received statements in a failure message. */
    private static final int MAX_LISTED = 200;
    /** A statement that cannot be lexed: it matches no SQL. */
    private static final SqlStatement UNLEXABLE = null;

    private Verifier() {
    }

    /** The entries the query matches, in arrival order. */
    public static List<JournalEntry> find(Journal journal, JournalQuery query) {
        List<JournalRecord> records = countable(journal, query);
        boolean[] matches = matches(records, query);
        List<JournalEntry> found = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (matches[i]) {
                found.add(records.get(i).entry());
            }
        }
        return found;
    }

    /** AssertionError unless exactly {@code count} records match; the message lists what was received. */
    public static void verify(Journal journal, int count, JournalQuery query) {
        List<JournalRecord> records = countable(journal, query);
        boolean[] matches = matches(records, query);
        int matched = 0;
        for (boolean match : matches) {
            if (match) {
                matched++;
            }
        }
        if (matched == count) {
            return;
        }
        StringBuilder message = new StringBuilder()
                .append("expected ").append(count).append(count == 1 ? " statement" : " statements")
                .append(" matching: ").append(query.description()).append('\n')
                .append("but ").append(matched).append(" matched; ");
        appendReceived(message, records, matches);
        throw new AssertionError(message.toString());
    }

    /** AssertionError with the near-miss report of every unmatched statement, if there is one. */
    public static void verifyNoUnmatched(List<JournalRecord> unmatched) {
        if (unmatched.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder().append(unmatched.size())
                .append(unmatched.size() == 1 ? " statement" : " statements").append(" matched no rule:");
        for (int i = 0; i < unmatched.size(); i++) {
            JournalRecord record = unmatched.get(i);
            JournalEntry entry = record.entry();
            message.append('\n').append(i + 1).append(". ").append(entry.sql())
                    .append("  (session ").append(entry.sessionId()).append(", ").append(entry.protocol()).append(')');
            for (String line : record.nearMissReport().split("\n")) {
                if (!line.isEmpty()) {
                    message.append("\n   ").append(line);
                }
            }
        }
        throw new AssertionError(message.toString());
    }

    private static List<JournalRecord> countable(Journal journal, JournalQuery query) {
        List<JournalRecord> records;
        long dropped;
        synchronized (journal) {
            records = journal.records();
            dropped = journal.dropped();
        }
        if (dropped > 0) {
            throw new AssertionError("cannot count statements matching " + query.description() + ": the journal dropped"
                    + " its " + dropped + " oldest entries (journal limit " + journal.limit() + "), so a count would miss"
                    + " them; raise the limit (journalLimit(...) or --journal-limit) or clear the journal between phases");
        }
        return records;
    }

    /**
     * One verdict per distinct text and parameters: a journal repeats the same few statements
     * (the same String each time, shared by the parse cache), so a 100,000-entry journal costs a
     * few hundred matches and a map lookup per entry.
     */
    private static boolean[] matches(List<JournalRecord> records, JournalQuery query) {
        boolean[] matches = new boolean[records.size()];
        Map<String, Map<List<String>, Boolean>> verdicts = new IdentityHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JournalRecord record = records.get(i);
            if (!query.fits(record)) {
                continue;
            }
            Map<List<String>, Boolean> byParams = verdicts.computeIfAbsent(record.sql(), text -> new HashMap<>());
            List<String> key = query.verdictParams(record);
            Boolean verdict = byParams.get(key);
            if (verdict == null) {
                SqlStatement statement = query.sql() == null ? null : parse(record.sql());
                verdict = query.matchesStatement(record, statement);
                byParams.put(key, verdict);
            }
            matches[i] = verdict;
        }
        return matches;
    }

    private static SqlStatement parse(String sql) {
        try {
            return SqlStatement.parse(sql);
        } catch (IllegalArgumentException unlexable) {
            return UNLEXABLE;
        }
    }

    private static void appendReceived(StringBuilder message, List<JournalRecord> records, boolean[] matches) {
        if (records.isEmpty()) {
            message.append("no statements were received");
            return;
        }
        message.append("received ").append(records.size()).append(records.size() == 1 ? " statement:" : " statements:");
        int listed = Math.min(records.size(), MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            JournalRecord record = records.get(i);
            message.append('\n').append(i + 1).append(". ").append(record.sql());
            List<String> params = record.params();
            if (!params.isEmpty()) {
                message.append("  [").append(ParamText.list(params)).append(']');
            }
            if (matches[i]) {
                message.append("  <- matches");
            }
        }
        if (listed < records.size()) {
            message.append("\n... and ").append(records.size() - listed).append(" more");
        }
    }
}
