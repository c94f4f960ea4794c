package io.mockpg.junit5;

import io.mockpg.Fault;
import io.mockpg.internal.respond.FaultAnswers;

import java.util.Locale;
import java.util.Set;

/** The parts of a fault run's display name: the statement, shortened, and what the fault looks like. */
final class SweepNames {
    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "INTO", "UPDATE", "TABLE", "JOIN");
    private static final int MAX_WORDS = 6;

    private SweepNames() {
    }

    /** The statement up to its first table name ({@code INSERT INTO orders …}), at most six words. */
    static String abbreviate(String sql) {
        String[] words = sql.trim().split("\\s+");
        int end = Math.min(3, words.length);
        for (int i = 0; i < Math.min(words.length - 1, MAX_WORDS - 1); i++) {
            if (BEFORE_TABLE.contains(words[i].toUpperCase(Locale.ROOT))) {
                end = i + 2;
                break;
            }
        }
        String shown = String.join(" ", java.util.Arrays.copyOf(words, end));
        return end < words.length ? shown + " …" : shown;
    }

    /** The SQLSTATE an error fault produces, or the fault's name for a connection fault. */
    static String outcome(Fault fault) {
        String sqlState = FaultAnswers.sqlState(fault);
        return sqlState != null ? sqlState : fault.name();
    }
}
