package io.mockpg.internal.record;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Scalars and flow lists written as YAML that the script loader reads back to the same values. */
final class YamlText {
    /** Safe unquoted inside a flow list as well as a block: no comma, bracket, colon or hash. */
    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z_][A-Za-z0-9_ .@/-]*");
    /** Safe unquoted as a block value, such as a statement: no ": " or " #" possible. */
    private static final Pattern PLAIN_BLOCK = Pattern.compile("[A-Za-z][A-Za-z0-9_ ,.=<>()$*+/-]*");
    /** Words YAML 1.1 reads as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

    private YamlText() {
    }

    /** A value in a flow list or a block: null, Boolean, String, {@link PlainScalar} or a list of them. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof PlainScalar plain) {
            return plain.text();
        }
        if (value instanceof List<?> list) {
            return list(list);
        }
        return string(value.toString(), PLAIN_WORDS);
    }

    static String list(List<?> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(value(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** A string in block context (a statement, a message), unquoted when nothing in it needs quotes. */
    static String block(String text) {
        return string(text, PLAIN_BLOCK);
    }

    private static String string(String text, Pattern plain) {
        if (plain.matcher(text).matches() && !text.endsWith(" ") && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        return quoted(text);
    }

    /** A double-quoted YAML scalar; control characters escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
