package io.mockpg.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes a token sequence's {@link Shape}. A value slot is a placeholder or a literal
 * (number, string of any kind, TRUE, FALSE, NULL, or a unary minus before a number where
 * the minus cannot be binary), followed by any number of {@code ::type} casts, wrapped in
 * any number of parentheses that hold nothing else. The parentheses belong to the slot, so
 * {@code IN (1)}, {@code IN ($1)} and pgjdbc's {@code IN (('1'::int4))} all become
 * {@code in ?}, while {@code IN (1, 2)} keeps its parentheses: {@code in ( ? , ? )}.
 * Rules and statements go through the same code, so their keys agree whenever a rule's
 * placeholder stands where the statement has a literal.
 */
final class ShapeBuilder {
    /** Words after which a '-' is a sign, not a subtraction. */
    private static final Set<String> SIGN_CONTEXT_WORDS = Set.of("all", "and", "any", "array", "as", "between",
            "by", "case", "cast", "check", "default", "distinct", "do", "else", "escape", "fetch", "from", "having",
            "ilike", "in", "is", "like", "limit", "not", "offset", "on", "or", "over", "return", "returning",
            "select", "set", "similar", "some", "then", "to", "using", "values", "when", "where", "with");
    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second",
            "to");

    private final TokenSequence tokens;
    private final int size;
    /** The key being built; a token adds at most one separator, so twice the source suffices. */
    private final char[] key;
    private int keyLength;
    private final List<Slot> slots = new ArrayList<>(4);
    private final List<String> pieces;
    private int valueToken;
    private boolean negative;

    private ShapeBuilder(TokenSequence tokens, boolean collectPieces) {
        this.tokens = tokens;
        this.size = tokens.size();
        this.key = new char[tokens.source().length() * 2];
        this.pieces = collectPieces ? new ArrayList<>(size) : null;
    }

    static Shape build(TokenSequence tokens) {
        ShapeBuilder builder = new ShapeBuilder(tokens, false);
        builder.run();
        return new Shape(new String(builder.key, 0, builder.keyLength), List.copyOf(builder.slots));
    }

    /**
     * The key's tokens one by one (slots as "?") and, in step, the slot index of each
     * piece or -1: the input of token-level edit distance.
     */
    static ShapePieces pieces(TokenSequence tokens) {
        ShapeBuilder builder = new ShapeBuilder(tokens, true);
        builder.run();
        int[] slotOf = new int[builder.pieces.size()];
        int slot = 0;
        for (int i = 0; i < slotOf.length; i++) {
            slotOf[i] = builder.pieces.get(i) == null ? slot++ : -1;
        }
        String[] texts = new String[slotOf.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = builder.pieces.get(i) == null ? "?" : builder.pieces.get(i);
        }
        return new ShapePieces(texts, slotOf);
    }

    /** Shape tokens and, per token, its slot index (-1 for plain tokens). */
    record ShapePieces(String[] texts, int[] slotOf) {
    }

    private void run() {
        int i = 0;
        while (i < size) {
            int opens = 0;
            while (i + opens < size && tokens.isPunct(i + opens, '(')) {
                opens++;
            }
            int core = i + opens;
            int end = core < size ? valueEnd(core) : -1;
            if (end < 0) {
                int plainEnd = Math.min(core + 1, size);
                emitPlain(i, plainEnd);
                i = plainEnd;
                continue;
            }
            end = castsEnd(end);
            int closed = 0;
            while (closed < opens && end < size && tokens.isPunct(end, ')')) {
                end = castsEnd(end + 1);
                closed++;
            }
            int start = core - closed;
            emitPlain(i, start);
            emitSlot(start, end);
            i = end;
        }
    }

    /** The end of the literal or placeholder at {@code at}, or -1; sets valueToken/negative. */
    private int valueEnd(int at) {
        if (isValue(at)) {
            valueToken = at;
            negative = false;
            return at + 1;
        }
        if (at + 1 < size && tokens.kind(at + 1) == TokenKind.NUMBER && tokens.isPunct(at, '-')
                && isSignPosition(at)) {
            valueToken = at + 1;
            negative = true;
            return at + 2;
        }
        return -1;
    }

    private boolean isValue(int at) {
        TokenKind kind = tokens.kind(at);
        if (kind == TokenKind.IDENTIFIER) {
            Token token = tokens.get(at);
            int length = token.length();
            char first = (char) (tokens.source().charAt(token.start()) | 0x20);
            return (length == 4 || length == 5) && (first == 'n' || first == 't' || first == 'f')
                    && (tokens.isWord(at, "null") || tokens.isWord(at, "true") || tokens.isWord(at, "false"));
        }
        return kind == TokenKind.NUMBER || kind == TokenKind.PARAMETER || kind.isString();
    }

    /** Whether a '-' at {@code at} is a sign: nothing, an operator, ( , [ or a clause word before it. */
    private boolean isSignPosition(int at) {
        if (at == 0) {
            return true;
        }
        int before = at - 1;
        return switch (tokens.kind(before)) {
            case OPERATOR -> true;
            case PUNCTUATION -> tokens.isPunct(before, '(') || tokens.isPunct(before, ',')
                    || tokens.isPunct(before, '[') || tokens.isPunct(before, ';');
            case IDENTIFIER -> SIGN_CONTEXT_WORDS.contains(tokens.normalized(before));
            default -> false;
        };
    }

    private int castsEnd(int from) {
        int at = from;
        while (at < size && tokens.isCast(at)) {
            int typeEnd = typeEnd(at + 1);
            if (typeEnd < 0) {
                break;
            }
            at = typeEnd;
        }
        return at;
    }

    /**
     * The end of a type name at {@code at}, or -1: a possibly qualified name, the multi-word
     * forms (double precision, character varying, timestamp(3) with time zone, interval day
     * to second), (n[,m]) modifiers and [] array brackets.
     */
    private int typeEnd(int at) {
        if (at >= size || (tokens.kind(at) != TokenKind.IDENTIFIER && tokens.kind(at) != TokenKind.QUOTED_IDENTIFIER)) {
            return -1;
        }
        int name = at++;
        while (at + 1 < size && tokens.isPunct(at, '.') && isName(at + 1)) {
            name = at + 1;
            at += 2;
        }
        if (tokens.isWord(name, "double") && at < size && tokens.isWord(at, "precision")) {
            at++;
        } else if ((tokens.isWord(name, "character") || tokens.isWord(name, "char") || tokens.isWord(name, "bit"))
                && at < size && tokens.isWord(at, "varying")) {
            at++;
        }
        at = modifiersEnd(at);
        if ((tokens.isWord(name, "timestamp") || tokens.isWord(name, "time")) && at + 2 < size
                && (tokens.isWord(at, "with") || tokens.isWord(at, "without")) && tokens.isWord(at + 1, "time")
                && tokens.isWord(at + 2, "zone")) {
            at += 3;
        } else if (tokens.isWord(name, "interval")) {
            while (at < size && tokens.kind(at) == TokenKind.IDENTIFIER
                    && INTERVAL_FIELDS.contains(tokens.normalized(at))) {
                at = modifiersEnd(at + 1);
            }
        }
        while (at < size && tokens.isPunct(at, '[')) {
            if (at + 1 < size && tokens.isPunct(at + 1, ']')) {
                at += 2;
            } else if (at + 2 < size && tokens.kind(at + 1) == TokenKind.NUMBER && tokens.isPunct(at + 2, ']')) {
                at += 3;
            } else {
                break;
            }
        }
        return at;
    }

    private boolean isName(int at) {
        return tokens.kind(at) == TokenKind.IDENTIFIER || tokens.kind(at) == TokenKind.QUOTED_IDENTIFIER;
    }

    /** Skips a type modifier list such as (10) or (10, 2); anything else is left alone. */
    private int modifiersEnd(int at) {
        if (at >= size || !tokens.isPunct(at, '(')) {
            return at;
        }
        int inside = at + 1;
        while (inside < size && (tokens.kind(inside) == TokenKind.NUMBER || tokens.isPunct(inside, ','))) {
            inside++;
        }
        return inside > at + 1 && inside < size && tokens.isPunct(inside, ')') ? inside + 1 : at;
    }

    private void emitPlain(int from, int to) {
        for (int at = from; at < to; at++) {
            separate();
            keyLength = tokens.copyNormalized(at, key, keyLength);
            if (pieces != null) {
                pieces.add(tokens.normalized(at));
            }
        }
    }

    private void emitSlot(int start, int end) {
        separate();
        key[keyLength++] = '?';
        slots.add(new Slot(start, end, valueToken, negative));
        if (pieces != null) {
            pieces.add(null);
        }
    }

    private void separate() {
        if (keyLength > 0) {
            key[keyLength++] = ' ';
        }
    }
}
