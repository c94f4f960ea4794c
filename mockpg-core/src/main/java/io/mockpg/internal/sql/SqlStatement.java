package io.mockpg.internal.sql;

import java.util.Objects;

/**
 * One statement as received, tokenized and normalized (docs/script-reference.md, "match"). Immutable; cheap to
 * create (one lexer pass). Never fails: an unterminated quote or comment runs to the end.
 * The shape key, normalized text and verbs are computed on first use and then kept: a
 * prepared statement is answered many times from one instance.
 */
public final class SqlStatement {
    private final String text;
    private final TokenSequence tokens;
    private volatile Shape shape;
    private volatile String normalized;
    private volatile SlotValue[] slotValues;
    private volatile String verb;
    private volatile String commandVerb;
    private volatile TransactionEffect transactionEffect;

    private SqlStatement(String text, TokenSequence tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Tokenizes and normalizes one statement (no splitting; a trailing ';' is ignored). */
    public static SqlStatement parse(String text) {
        Objects.requireNonNull(text, "text");
        return new SqlStatement(text, SqlLexer.lex(text).withoutTrailingSemicolons());
    }

    /** The statement text as received. */
    public String text() {
        return text;
    }

    /**
     * The first keyword, upper-cased ("SELECT", "INSERT", "WITH", "BEGIN", ...); "" for an
     * empty statement. Leading parentheses are skipped. For WITH … INSERT the verb is still
     * "WITH"; see {@link #commandVerb()}.
     */
    public String verb() {
        String result = verb;
        if (result == null) {
            result = Verbs.verb(tokens);
            verb = result;
        }
        return result;
    }

    /**
     * The verb that decides the command tag: for a WITH statement, the verb of its main
     * statement (SELECT/INSERT/UPDATE/DELETE/MERGE); else {@link #verb()}.
     */
    public String commandVerb() {
        String result = commandVerb;
        if (result == null) {
            result = Verbs.commandVerb(tokens);
            commandVerb = result;
        }
        return result;
    }

    /** What the statement does to the session's transaction: recognized here, once per text. */
    public TransactionEffect transactionEffect() {
        TransactionEffect result = transactionEffect;
        if (result == null) {
            result = TransactionEffect.of(tokens);
            transactionEffect = result;
        }
        return result;
    }

    /**
     * The index key: the normalized token sequence with every placeholder and every literal
     * (each optionally with a ::type cast and optionally in parentheses) collapsed to one
     * "?" token. A rule's pattern and every statement it can match share this key.
     * Parentheses that hold a single value belong to it, so {@code IN (1)} and
     * {@code IN ($1)} both give {@code in ?}, while {@code IN (1, 2)} gives
     * {@code in ( ? , ? )}.
     */
    public String shapeKey() {
        return shape().key();
    }

    /** The highest $n placeholder number in the statement, 0 if none. */
    public int maxPlaceholder() {
        return tokens.maxParameter();
    }

    /** The normalized form as text (tokens joined by single spaces), for reports. */
    public String normalized() {
        String result = normalized;
        if (result == null) {
            result = Normalizer.normalize(tokens);
            normalized = result;
        }
        return result;
    }

    @Override
    public String toString() {
        return text;
    }

    Shape shape() {
        Shape result = shape;
        if (result == null) {
            result = ShapeBuilder.build(tokens);
            shape = result;
        }
        return result;
    }

    TokenSequence tokens() {
        return tokens;
    }

    /** The statement's tokens, comments and whitespace left out, for readers outside the matcher. */
    public java.util.List<SqlToken> words() {
        java.util.List<SqlToken> words = new java.util.ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            words.add(SqlToken.of(tokens, i));
        }
        return words;
    }

    /** The value in slot {@code index}, decoded once. */
    SlotValue slotValue(int index) {
        SlotValue[] values = slotValues;
        if (values == null) {
            values = new SlotValue[shape().slots().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = SlotValue.of(tokens, shape().slots().get(i));
            }
            slotValues = values;
        }
        return values[index];
    }
}
