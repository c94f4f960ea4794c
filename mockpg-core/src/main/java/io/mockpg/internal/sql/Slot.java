package io.mockpg.internal.sql;

/**
 * A value slot in a token sequence: tokens {@code start} (inclusive) to {@code end}
 * (exclusive) collapse to one "?" in the shape key. {@code valueToken} is the literal or
 * placeholder inside; {@code negative} marks a unary minus before a number.
 */
record Slot(int start, int end, int valueToken, boolean negative) {
}
