package io.mockpg.internal.record;

import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.sql.StatementSplitter;
import java.util.List;

/**
 * The statement texts the recorder has seen, each lexed and parameterized once for all its
 * sessions: a simple Query carries its literals, so the same few texts come back thousands of
 * times, and lexing them again was the larger part of recording one. Bounded, since the
 * recorder's heap holds distinct answers and little else: past {@link #MAX_ENTRIES} texts or
 * {@link #MAX_CHARS} characters (an application whose every text differs) it starts over, and
 * a text over {@link #MAX_TEXT} characters is not kept.
 */
final class StatementTemplates {
    static final int MAX_ENTRIES = 4096;
    static final int MAX_TEXT = 4096;
    static final long MAX_CHARS = 1 << 20;

    private final Builtins builtins;
    private final BoundedMemo<String, List<String>> statements = new BoundedMemo<>(MAX_ENTRIES, MAX_TEXT, MAX_CHARS,
            String::length);
    private final BoundedMemo<String, StatementTemplate> templates = new BoundedMemo<>(MAX_ENTRIES, MAX_TEXT, MAX_CHARS,
            String::length);

    StatementTemplates(Builtins builtins) {
        this.builtins = builtins;
    }

    /** A simple Query's text as its statements. */
    List<String> statements(String query) {
        return statements.get(query, text -> List.copyOf(StatementSplitter.split(text)));
    }

    /** One statement's template. */
    StatementTemplate of(String sql) {
        return templates.get(sql, text -> StatementTemplate.of(text, builtins));
    }

    /** The characters of the texts kept now (a test's view of the bound). */
    long charsKept() {
        return statements.totalSize() + templates.totalSize();
    }
}
