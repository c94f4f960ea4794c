package io.mockpg.junit5;

import io.mockpg.JournalEntry;
import io.mockpg.MockPgServer;
import io.mockpg.internal.respond.FixItRule;
import io.mockpg.internal.server.OpenTransactions;
import io.mockpg.internal.session.TransactionStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects the checks' failures and throws them as one error, the first with the rest suppressed. */
final class Failures {
    private final List<Throwable> found = new ArrayList<>();

    void add(Throwable failure) {
        found.add(failure);
    }

    /** Fails with the server's near-miss report when statements went unmatched. */
    void unmatched(MockPgServer server, List<JournalEntry> unmatched, String when) {
        if (unmatched.isEmpty()) {
            return;
        }
        String report;
        try {
            server.verifyNoUnmatched();
            report = listing(unmatched);
        } catch (AssertionError e) {
            report = e.getMessage();
        }
        add(new AssertionError(header(unmatched, when) + "\n" + report + javaStubs(unmatched)));
    }

    /** The rule for each statement as a Java stub, to paste into the test. */
    private static String javaStubs(List<JournalEntry> unmatched) {
        StringBuilder text = new StringBuilder();
        for (JournalEntry entry : unmatched) {
            String java = FixItRule.java(entry.sql(), entry.params());
            if (!java.isEmpty()) {
                text.append(text.length() == 0 ? "\nor in Java (import static io.mockpg.MockPgDsl.*):" : "")
                        .append('\n').append(java.indent(3).stripTrailing());
            }
        }
        return text.toString();
    }

    /** Fails listing the unmatched statements themselves, when the server's report covers other tests too. */
    void unmatchedListed(List<JournalEntry> unmatched, String when) {
        if (!unmatched.isEmpty()) {
            add(new AssertionError(header(unmatched, when) + "\n" + listing(unmatched) + javaStubs(unmatched)));
        }
    }

    void unusedRules(List<String> unused, String where) {
        if (!unused.isEmpty()) {
            add(new AssertionError("mockpg: " + unused.size() + " rule(s) never answered " + where
                    + " (failOnUnusedRules): " + String.join(", ", unused)));
        }
    }

    /** Fails naming each session left inside a transaction block and the statements of its transaction. */
    void openTransactions(List<OpenTransactions.LeftOpen> open, Duration waited) {
        for (OpenTransactions.LeftOpen left : open) {
            StringBuilder text = new StringBuilder("mockpg: session ").append(left.sessionId()).append(" (user ")
                    .append(left.user()).append(") ");
            if (left.status() == null) {
                text.append("was still running a statement ").append(waited.toSeconds())
                        .append(" s after the test (failOnOpenTransaction)");
            } else {
                text.append("was left inside a transaction block, status ").append(left.status().code())
                        .append(left.status() == TransactionStatus.FAILED ? " (failed)" : "")
                        .append(", at the end of the test (failOnOpenTransaction): a connection handed back to its "
                                + "pool without COMMIT or ROLLBACK? Its open transaction:\n")
                        .append(listing(left.statements()));
            }
            add(new AssertionError(text.toString()));
        }
    }

    /** Throws the collected failures, if any. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        Throwable first = found.get(0);
        found.subList(1, found.size()).forEach(first::addSuppressed);
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) first;
    }

    private static String header(List<JournalEntry> unmatched, String when) {
        return "mockpg: " + unmatched.size() + " statement(s) " + when + " matched no rule (failOnUnmatched; "
                + "the code under test may have caught the MP001 error):";
    }

    private static String listing(List<JournalEntry> unmatched) {
        StringBuilder text = new StringBuilder();
        for (JournalEntry entry : unmatched) {
            text.append("  [session ").append(entry.sessionId()).append("] ").append(entry.sql());
            if (!entry.params().isEmpty()) {
                text.append("  params ").append(entry.params());
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }
}
