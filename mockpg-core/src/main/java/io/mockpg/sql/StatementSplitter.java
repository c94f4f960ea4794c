package io.mockpg.sql;

import java.util.List;

/** Splits a simple-query string into its statements (SPEC §4.2). */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /**
     * The statements of a query string, in order, each trimmed and without its terminating
     * ';'. Semicolons inside quotes, E'' strings, dollar quotes, comments and parentheses do
     * not split. Statements that are empty or only comments are dropped, so an empty or
     * comment-only string gives an empty list.
     */
    public static List<String> split(String query) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
