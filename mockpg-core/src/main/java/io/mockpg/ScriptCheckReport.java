package io.mockpg;

import java.util.List;

/**
 * What {@link ScriptCheck} found: every way the scripts' rules differ from the database, and
 * the rules it could not check (docs/checking.md).
 *
 * @param checked    how many rules were checked (those with {@code match.sql})
 * @param drifts     each difference, in script and file order
 * @param notChecked the rules with {@code match.regex} or without {@code match.sql}
 * @param roundTrips round trips to the database after the login (one per batch of statements, and one more per
 *                   statement the database rejected), the closing ROLLBACK not included
 */
public record ScriptCheckReport(int checked, List<Drift> drifts, List<NotChecked> notChecked, int roundTrips) {
    public ScriptCheckReport {
        drifts = List.copyOf(drifts);
        notChecked = List.copyOf(notChecked);
    }

    /** How many rules have at least one drift. */
    public int drifted() {
        return (int) drifts.stream().map(d -> d.file() + "\0" + d.rule()).distinct().count();
    }

    /** {@code N rules checked, M drifted, K not checked}. */
    public String summary() {
        return checked + " rules checked, " + drifted() + " drifted, " + notChecked.size() + " not checked";
    }

    /** Whether nothing drifted. */
    public boolean clean() {
        return drifts.isEmpty();
    }

    /** Throws an AssertionError listing every drift, one per line, then the summary; returns when none. */
    public void assertNoDrift() {
        if (drifts.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("the scripts differ from the database:\n");
        drifts.forEach(drift -> message.append(drift).append('\n'));
        throw new AssertionError(message.append(summary()).toString());
    }

    /** The report as the command line prints it: one line per drift, then the summary. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        drifts.forEach(drift -> text.append(drift).append('\n'));
        return text.append(summary()).toString();
    }

    /**
     * One way a rule's claim differs from the database.
     *
     * @param file    the script as it was named
     * @param line    1-based line of the claim: the rule's {@code sql}, or its {@code params} or {@code columns} entry
     * @param column  1-based column
     * @param rule    the rule's id, else {@code FILE#N} (N its position in the file)
     * @param message what differs
     */
    public record Drift(String file, int line, int column, String rule, String message) {
        /** {@code FILE:LINE:COLUMN: rule ID: what differs}. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": rule " + rule + ": " + message;
        }
    }

    /**
     * A rule that was not checked.
     *
     * @param file   the script as it was named
     * @param line   where the rule starts
     * @param column where the rule starts
     * @param rule   the rule's id, else {@code FILE#N}
     * @param reason why: it matches by regex, or it has no {@code match.sql}
     */
    public record NotChecked(String file, int line, int column, String rule, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": rule " + rule + ": not checked: " + reason;
        }
    }
}
