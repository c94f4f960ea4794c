package io.mockpg.internal.sql;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A rule's match.sql, compiled once, matched against statements (docs/script-reference.md, "match").
 * Immutable and safe to share between threads.
 */
public final class SqlPattern {
    /** PostgreSQL's limit on bind parameters. */
    private static final int MAX_PLACEHOLDER = 65535;
    private static final String[] NO_CAPTURES = new String[0];
    private static final boolean[] NONE_SEEN = new boolean[0];

    private final TokenSequence tokens;
    private final Shape shape;
    private final SlotValue[] slotValues;
    private final int maxPlaceholder;

    private SqlPattern(TokenSequence tokens) {
        this.tokens = tokens;
        this.shape = ShapeBuilder.build(tokens);
        this.slotValues = new SlotValue[shape.slots().size()];
        for (int i = 0; i < slotValues.length; i++) {
            slotValues[i] = SlotValue.of(tokens, shape.slots().get(i));
        }
        this.maxPlaceholder = tokens.maxParameter();
    }

    /**
     * Compiles a rule's SQL; IllegalArgumentException with a reason for unlexable input
     * (an unterminated quote, dollar quote or comment, or a placeholder outside $1..$65535).
     */
    public static SqlPattern compile(String ruleSql) {
        Objects.requireNonNull(ruleSql, "ruleSql");
        TokenSequence tokens = SqlLexer.lex(ruleSql);
        if (tokens.problem() != null) {
            throw new IllegalArgumentException("invalid SQL: " + tokens.problem());
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.kind(i) == TokenKind.PARAMETER) {
                int number = tokens.parameterNumber(i);
                if (number < 1 || number > MAX_PLACEHOLDER) {
                    throw new IllegalArgumentException("invalid SQL: placeholder " + tokens.text(i) + " at position "
                            + (tokens.get(i).start() + 1) + " is outside $1..$" + MAX_PLACEHOLDER);
                }
            }
        }
        return new SqlPattern(tokens.withoutTrailingSemicolons());
    }

    /** Same definition as {@link SqlStatement#shapeKey()}; equal for every statement that can match. */
    public String shapeKey() {
        return shape.key();
    }

    /** The highest $n placeholder number in the pattern, 0 if none. */
    public int maxPlaceholder() {
        return maxPlaceholder;
    }

    /** The rule's SQL in normalized form, for reports. */
    public String normalized() {
        return Normalizer.normalize(tokens);
    }

    /**
     * Matches a statement. {@code boundParams} are the text forms of the statement's bind
     * parameters ($1 = index 0, null = SQL NULL; empty for the simple protocol).
     * Returns null when the statement does not match; else the values the pattern's
     * placeholders captured, ordered by placeholder number ($1 first): a statement
     * placeholder yields its bound value, a literal its value (string literals unescaped,
     * numbers as written, NULL → null, booleans "true"/"false"). A literal in the pattern
     * matches an equal literal, or a statement placeholder bound to an equal value.
     * The list has {@link #maxPlaceholder()} entries; a number the pattern skips is null.
     * A placeholder used twice must capture equal values.
     */
    public List<String> match(SqlStatement statement, List<String> boundParams) {
        // a '?' operator is written like a slot in the key ("select ?" and "SELECT $1"), so the
        // slots are counted too
        if (!shape.key().equals(statement.shapeKey()) || statement.shape().slots().size() != slotValues.length) {
            return null;
        }
        // a pattern without placeholders (the common SELECT 1) matches without allocating
        String[] captured = maxPlaceholder == 0 ? NO_CAPTURES : new String[maxPlaceholder];
        boolean[] seen = maxPlaceholder == 0 ? NONE_SEEN : new boolean[maxPlaceholder];
        for (int i = 0; i < slotValues.length; i++) {
            SlotValue rule = slotValues[i];
            String value = valueOf(statement.slotValue(i), boundParams);
            if (rule.isParameter()) {
                int index = rule.parameter() - 1;
                if (seen[index] && !Objects.equals(captured[index], value)) {
                    return null;
                }
                seen[index] = true;
                captured[index] = value;
            } else if (!ValueEquality.accepts(rule, value)) {
                return null;
            }
        }
        return maxPlaceholder == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(captured));
    }

    private static String valueOf(SlotValue slot, List<String> boundParams) {
        if (!slot.isParameter()) {
            return slot.text();
        }
        int index = slot.parameter() - 1;
        return boundParams != null && index >= 0 && index < boundParams.size() ? boundParams.get(index) : null;
    }

    /**
     * Graded similarity in [0,1] between this pattern and a statement (1 = identical
     * normalized token sequences), for near-miss reports. Token-level edit distance.
     */
    public double similarity(SqlStatement statement) {
        return similarity(statement, null);
    }

    /**
     * Like {@link #similarity(SqlStatement)}, with the statement's bound parameters known:
     * token-level edit distance over the shape tokens, where a slot facing a slot costs
     * nothing when this pattern accepts the statement's value there and half an edit when
     * it does not (so a literal that differs ranks above any differing token).
     * {@code boundParams} may be null when the parameters are unknown.
     */
    public double similarity(SqlStatement statement, List<String> boundParams) {
        ShapeBuilder.ShapePieces ours = ShapeBuilder.pieces(tokens);
        ShapeBuilder.ShapePieces theirs = ShapeBuilder.pieces(statement.tokens());
        return TokenEditDistance.similarity(ours.texts().length, theirs.texts().length, (a, b) -> {
            int ourSlot = ours.slotOf()[a];
            int theirSlot = theirs.slotOf()[b];
            if (ourSlot < 0 || theirSlot < 0) {
                return ours.texts()[a].equals(theirs.texts()[b]) ? 0.0 : 1.0;
            }
            return slotsAgree(slotValues[ourSlot], statement.slotValue(theirSlot), boundParams) ? 0.0 : 0.5;
        });
    }

    private static boolean slotsAgree(SlotValue rule, SlotValue theirs, List<String> boundParams) {
        if (rule.isParameter()) {
            return true;
        }
        if (theirs.isParameter() && boundParams == null) {
            return false;
        }
        return ValueEquality.accepts(rule, valueOf(theirs, boundParams));
    }
}
