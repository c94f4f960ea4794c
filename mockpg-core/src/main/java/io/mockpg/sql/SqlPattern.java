package io.mockpg.sql;

import java.util.List;

/** A rule's match.sql, compiled once, matched against statements (SPEC §4.1, §3.6). */
public final class SqlPattern {
    private SqlPattern() {
    }

    /** Compiles a rule's SQL; IllegalArgumentException with a reason for unlexable input. */
    public static SqlPattern compile(String ruleSql) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Same definition as {@link SqlStatement#shapeKey()}; equal for every statement that can match. */
    public String shapeKey() {
        throw new UnsupportedOperationException();
    }

    /** The highest $n placeholder number in the pattern, 0 if none. */
    public int maxPlaceholder() {
        throw new UnsupportedOperationException();
    }

    /** The rule's SQL in normalized form, for reports. */
    public String normalized() {
        throw new UnsupportedOperationException();
    }

    /**
     * Matches a statement. {@code boundParams} are the text forms of the statement's bind
     * parameters ($1 = index 0, null = SQL NULL; empty for the simple protocol).
     * Returns null when the statement does not match; else the values the pattern's
     * placeholders captured, ordered by placeholder number ($1 first): a statement
     * placeholder yields its bound value, a literal its value (string literals unescaped,
     * numbers as written, NULL → null, booleans "true"/"false"). A literal in the pattern
     * matches an equal literal, or a statement placeholder bound to an equal value.
     */
    public List<String> match(SqlStatement statement, List<String> boundParams) {
        throw new UnsupportedOperationException();
    }

    /**
     * Graded similarity in [0,1] between this pattern and a statement (1 = identical
     * normalized token sequences), for near-miss reports. Token-level edit distance.
     */
    public double similarity(SqlStatement statement) {
        throw new UnsupportedOperationException();
    }
}
