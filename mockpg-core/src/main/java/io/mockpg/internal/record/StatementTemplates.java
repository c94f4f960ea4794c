package io.mockpg.internal.record;

import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.sql.StatementSplitter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The statement texts the recorder has seen, each lexed and parameterized once for all its
 * sessions: a simple Query carries its literals, so the same few texts come back thousands of
 * times, and lexing them again was the larger part of recording one. Bounded: past
 * {@link #MAX_ENTRIES} texts (an application whose every text differs) it starts over, and
 * long texts are not kept.
 */
final class StatementTemplates {
    static final int MAX_ENTRIES = 4096;
    static final int MAX_TEXT = 4096;

    private final Builtins builtins;
    private final Map<String, List<String>> statements = new ConcurrentHashMap<>();
    private final Map<String, StatementTemplate> templates = new ConcurrentHashMap<>();

    StatementTemplates(Builtins builtins) {
        this.builtins = builtins;
    }

    /** A simple Query's text as its statements. */
    List<String> statements(String query) {
        return remembered(statements, query, text -> List.copyOf(StatementSplitter.split(text)));
    }

    /** One statement's template. */
    StatementTemplate of(String sql) {
        return remembered(templates, sql, text -> StatementTemplate.of(text, builtins));
    }

    private static <T> T remembered(Map<String, T> seen, String text, Function<String, T> compute) {
        T known = seen.get(text);
        if (known != null) {
            return known;
        }
        T computed = compute.apply(text);
        if (text.length() <= MAX_TEXT) {
            if (seen.size() >= MAX_ENTRIES) {
                seen.clear();
            }
            seen.put(text, computed);
        }
        return computed;
    }
}
