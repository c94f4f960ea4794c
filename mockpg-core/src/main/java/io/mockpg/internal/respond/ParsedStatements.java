package io.mockpg.internal.respond;

import io.mockpg.internal.sql.SqlStatement;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed statements by their text, shared by every session of an engine: a client repeats the
 * same few statements (and Describe and Execute parse the same text), so lexing and shaping
 * each text once takes the largest share of the per-statement cost off the hot path.
 * Bounded: when full it starts over, which keeps the common case (a working set of a few
 * hundred texts) cached and never holds more than {@link #MAX_ENTRIES} statements.
 */
final class ParsedStatements {
    static final int MAX_ENTRIES = 4096;
    /** Longer texts (bulk inserts with inlined values) are rarely repeated: parsed, not kept. */
    static final int MAX_TEXT_LENGTH = 8192;

    private final ConcurrentHashMap<String, SqlStatement> byText = new ConcurrentHashMap<>();

    SqlStatement parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return SqlStatement.parse(text);
        }
        SqlStatement cached = byText.get(text);
        if (cached != null) {
            return cached;
        }
        SqlStatement parsed = SqlStatement.parse(text);
        if (byText.size() >= MAX_ENTRIES) {
            byText.clear();
        }
        byText.put(text, parsed);
        return parsed;
    }

    int size() {
        return byText.size();
    }
}
