package io.mockpg.internal.protocol.frontend;

/**
 * Bind's format codes, for its parameters and for the result columns alike: none means all
 * text, one applies to every value, else there is one per value (Bind in
 * https://www.postgresql.org/docs/current/protocol-message-formats.html).
 */
public final class FormatCodes {
    private FormatCodes() {
    }

    /** Whether value {@code index} is in binary (format code 1). */
    public static boolean isBinary(short[] formats, int index) {
        return formats.length != 0 && (formats.length == 1 ? formats[0] : formats[index]) == 1;
    }

    /** Whether the list fits this many values (PostgreSQL checks this too). */
    public static boolean fit(short[] formats, int count) {
        return formats.length <= 1 || formats.length == count;
    }
}
