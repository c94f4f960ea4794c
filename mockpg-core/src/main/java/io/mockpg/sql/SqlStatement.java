package io.mockpg.sql;

/**
 * One statement as received, tokenized and normalized (SPEC §4.1). Immutable; cheap to
 * create (one lexer pass).
 */
public final class SqlStatement {
    private SqlStatement() {
    }

    /** Tokenizes and normalizes one statement (no splitting; a trailing ';' is ignored). */
    public static SqlStatement parse(String text) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The statement text as received. */
    public String text() {
        throw new UnsupportedOperationException();
    }

    /**
     * The first keyword, upper-cased ("SELECT", "INSERT", "WITH", "BEGIN", ...); "" for an
     * empty statement. For WITH … INSERT the verb is still "WITH"; see {@link #commandVerb()}.
     */
    public String verb() {
        throw new UnsupportedOperationException();
    }

    /**
     * The verb that decides the command tag: for a WITH statement, the verb of its main
     * statement (SELECT/INSERT/UPDATE/DELETE/MERGE); else {@link #verb()}.
     */
    public String commandVerb() {
        throw new UnsupportedOperationException();
    }

    /**
     * The index key: the normalized token sequence with every placeholder and every literal
     * (each optionally with a ::type cast and optionally in parentheses) collapsed to one
     * "?" token. A rule's pattern and every statement it can match share this key.
     */
    public String shapeKey() {
        throw new UnsupportedOperationException();
    }

    /** The highest $n placeholder number in the statement, 0 if none. */
    public int maxPlaceholder() {
        throw new UnsupportedOperationException();
    }

    /** The normalized form as text (tokens joined by single spaces), for reports. */
    public String normalized() {
        throw new UnsupportedOperationException();
    }
}
