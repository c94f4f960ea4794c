package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;
import io.mockpg.internal.matching.ParamText;
import io.mockpg.internal.sql.SqlPattern;
import io.mockpg.internal.sql.SqlStatement;

import java.util.List;

/** Verification of the journal (docs/junit5.md): counts by normalized SQL, and unmatched statements. */
public final class Verifier {
    /** Longest listing of received statements in a failure message. */
    private static final int MAX_LISTED = 200;

    private Verifier() {
    }

    /**
     * AssertionError unless exactly {@code count} entries match {@code sql} by the same normalized
     * matching as a rule's match.sql (an extended entry's bind values stand in for its placeholders).
     */
    public static void verify(List<JournalEntry> entries, int count, String sql) {
        SqlPattern pattern = SqlPattern.compile(sql);
        boolean[] matches = new boolean[entries.size()];
        int matched = 0;
        for (int i = 0; i < entries.size(); i++) {
            matches[i] = matches(pattern, entries.get(i));
            if (matches[i]) {
                matched++;
            }
        }
        if (matched == count) {
            return;
        }
        StringBuilder message = new StringBuilder()
                .append("expected ").append(count).append(count == 1 ? " statement" : " statements")
                .append(" matching: ").append(pattern.normalized()).append('\n')
                .append("but ").append(matched).append(" matched; ");
        appendReceived(message, entries, matches);
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

    private static boolean matches(SqlPattern pattern, JournalEntry entry) {
        List<String> bound = "extended".equals(entry.protocol()) ? entry.params() : List.of();
        try {
            return pattern.match(SqlStatement.parse(entry.sql()), bound) != null;
        } catch (IllegalArgumentException unlexable) {
            return false;
        }
    }

    private static void appendReceived(StringBuilder message, List<JournalEntry> entries, boolean[] matches) {
        if (entries.isEmpty()) {
            message.append("no statements were received");
            return;
        }
        message.append("received ").append(entries.size()).append(entries.size() == 1 ? " statement:" : " statements:");
        int listed = Math.min(entries.size(), MAX_LISTED);
        for (int i = 0; i < listed; i++) {
            JournalEntry entry = entries.get(i);
            message.append('\n').append(i + 1).append(". ").append(entry.sql());
            if (!entry.params().isEmpty()) {
                message.append("  [").append(ParamText.list(entry.params())).append(']');
            }
            if (matches[i]) {
                message.append("  <- matches");
            }
        }
        if (listed < entries.size()) {
            message.append("\n... and ").append(entries.size() - listed).append(" more");
        }
    }
}
