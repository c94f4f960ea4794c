package io.mockpg.internal.cli.admin;

import io.mockpg.Fault;
import io.mockpg.JournalEntry;
import io.mockpg.RuleSummary;
import java.util.List;

/**
 * What the admin HTTP API (docs/ci.md, "Admin HTTP API") reads and changes in a running server. Called from the
 * admin server's I/O thread, concurrently with sessions: implementations must be thread-safe.
 */
public interface AdminBackend {

    /** Every statement received, in arrival order. */
    List<JournalEntry> journal();

    /** The statements no rule answered, in arrival order. */
    List<JournalEntry> unmatched();

    /**
     * At most {@code max} entries with a sequence number above {@code after}, in arrival order:
     * how {@code GET /journal} streams a journal of any size a page at a time.
     */
    default List<JournalEntry> journalPage(long after, int max) {
        return journal().stream().filter(entry -> entry.sequence() > after).limit(max).toList();
    }

    /** The sequence number of the newest entry, where a stream started now ends. */
    default long lastSequence() {
        List<JournalEntry> all = journal();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    /** How many of the oldest entries the journal dropped (journal limit). */
    default long journalDropped() {
        return 0;
    }

    /** Empties the journal. */
    void clearJournal();

    /** The loaded rules in precedence order. */
    List<RuleSummary> rules();

    /**
     * Adds the rules of a YAML script ahead of the loaded ones, or none if it has problems.
     *
     * @return the problems as {@code LINE:COLUMN: message}; empty when the rules were added
     */
    List<String> addRulesYaml(String yaml);

    /** Resets the journal, scenario states and the rules added through {@link #addRulesYaml}. */
    void reset();

    /**
     * Answers the {@code at}-th statement that a script rule answers from now (1 = the next)
     * with {@code fault} instead.
     */
    void injectFault(int at, Fault fault);

    /** Drops the injected faults not yet played. */
    void clearFaults();

    /** Sends a NotificationResponse to every session listening on {@code channel}. */
    void notify(String channel, String payload);
}
