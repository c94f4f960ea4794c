package io.mockpg.internal.sql;

/**
 * One token: its kind and where it sits in the source text ({@code end} exclusive).
 * {@code terminated} is false for a quoted token that ran to the end of the input without
 * its closing delimiter.
 */
record Token(TokenKind kind, int start, int end, boolean terminated) {
    int length() {
        return end - start;
    }
}
