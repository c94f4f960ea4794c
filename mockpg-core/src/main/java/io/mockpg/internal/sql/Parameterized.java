package io.mockpg.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A statement with every value slot (literal or placeholder, with its cast and parentheses)
 * replaced by {@code $1, $2, ...} in order, and the values that stood there: the form a
 * recorded rule takes so that it answers both the literal and the bound form of the statement
 * (docs/recording.md). A NULL literal stays as written, since a rule's NULL matches a NULL
 * literal and a parameter bound to NULL alike.
 *
 * @param sql    the statement text with {@code $n} in each slot, the rest as sent
 * @param values one per slot, in order: a literal's value or the bound parameter's
 */
public record Parameterized(String sql, List<Value> values) {
    /**
     * A slot's value: {@code text} is null for SQL NULL; {@code kind} says how the literal was
     * written; {@code parameter} is the bind parameter's number for {@link Kind#BOUND}, else 0.
     */
    public record Value(Kind kind, String text, int parameter) {
    }

    /** How a value was written; a bound parameter is {@link #BOUND}. */
    public enum Kind { BOUND, BOOLEAN, NUMBER, STRING }

    /**
     * @param boundParams the text of each bind parameter ($1 first; null = SQL NULL); empty for
     *                    the simple protocol
     */
    public static Parameterized of(SqlStatement statement, List<String> boundParams) {
        TokenSequence tokens = statement.tokens();
        String source = tokens.source();
        List<Slot> slots = statement.shape().slots();
        StringBuilder sql = new StringBuilder(source.length());
        List<Value> values = new ArrayList<>(slots.size());
        int copied = 0;
        for (int i = 0; i < slots.size(); i++) {
            SlotValue value = statement.slotValue(i);
            if (value.kind() == SlotValue.Kind.NULL) {
                continue; // NULL stays as written: a rule's NULL matches a NULL literal or a NULL parameter
            }
            Slot slot = slots.get(i);
            int from = tokens.get(slot.start()).start();
            int to = tokens.get(slot.end() - 1).end();
            sql.append(source, copied, from).append('$').append(values.size() + 1);
            copied = to;
            values.add(switch (value.kind()) {
                case PARAMETER -> {
                    int index = value.parameter() - 1;
                    yield new Value(Kind.BOUND, index >= 0 && index < boundParams.size() ? boundParams.get(index) : null,
                            value.parameter());
                }
                case BOOLEAN -> new Value(Kind.BOOLEAN, value.text(), 0);
                case NUMBER -> new Value(Kind.NUMBER, value.text(), 0);
                default -> new Value(Kind.STRING, value.text(), 0);
            });
        }
        sql.append(source, copied, source.length());
        return new Parameterized(sql.toString().strip(), List.copyOf(values));
    }
}
