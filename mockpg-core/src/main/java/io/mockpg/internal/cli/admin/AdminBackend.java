package io.mockpg.internal.cli.admin;

import io.mockpg.JournalEntry;
import io.mockpg.internal.respond.RuleInfo;
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

    /** Empties the journal. */
    void clearJournal();

    /** The loaded rules in precedence order. */
    List<RuleInfo> rules();

    /**
     * Adds the rules of a YAML script ahead of the loaded ones, or none if it has problems.
     *
     * @return the problems as {@code LINE:COLUMN: message}; empty when the rules were added
     */
    List<String> addRulesYaml(String yaml);

    /** Resets the journal, scenario states and the rules added through {@link #addRulesYaml}. */
    void reset();

    /** Sends a NotificationResponse to every session listening on {@code channel}. */
    void notify(String channel, String payload);
}
