package io.mockpg.internal.sql;

/**
 * What a slot holds: a placeholder (by number) or a literal's value. {@code text} is the
 * literal's value (strings decoded, numbers as written with sign, "true"/"false" for
 * booleans) and null for NULL and placeholders.
 */
record SlotValue(Kind kind, String text, int parameter) {
    enum Kind { PARAMETER, NULL, BOOLEAN, NUMBER, STRING }

    static SlotValue of(TokenSequence tokens, Slot slot) {
        int index = slot.valueToken();
        Token token = tokens.get(index);
        switch (token.kind()) {
            case PARAMETER:
                return new SlotValue(Kind.PARAMETER, null, tokens.parameterNumber(index));
            case NUMBER:
                return new SlotValue(Kind.NUMBER, (slot.negative() ? "-" : "") + tokens.text(index), 0);
            case IDENTIFIER:
                if (tokens.isWord(index, "null")) {
                    return new SlotValue(Kind.NULL, null, 0);
                }
                return new SlotValue(Kind.BOOLEAN, tokens.isWord(index, "true") ? "true" : "false", 0);
            default:
                return new SlotValue(Kind.STRING, LiteralDecoder.decode(tokens.source(), token), 0);
        }
    }

    boolean isParameter() {
        return kind == Kind.PARAMETER;
    }
}
