package io.mockpg.internal.logging;

/**
 * Client-supplied text (statements, user names, parameters) made safe for one log line: line
 * breaks and other control characters are written as escapes, so a statement cannot forge a
 * log line of its own, and very long text is shortened, so one statement cannot flood the log.
 */
public final class LogText {
    /** How much of a client's text a log line shows. */
    static final int MAX_CHARS = 2000;

    private LogText() {
    }

    /** The text with {@code \n}, {@code \r}, {@code \t}, {@code \\} and other control characters escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int shown = Math.min(text.length(), MAX_CHARS);
        int first = firstToEscape(text, shown);
        if (first == shown && shown == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(shown + 16).append(text, 0, first);
        for (int i = first; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /** Any object's text form, escaped (a parameter list, say). */
    public static String escape(Object value) {
        return escape(String.valueOf(value));
    }

    private static int firstToEscape(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' || needsEscape(c) || c == '\n' || c == '\r' || c == '\t') {
                return i;
            }
        }
        return end;
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
