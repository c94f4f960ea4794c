package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Writes YAML-loaded maps, lists and scalars as JSON text, keeping map key order. */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    /**
     * @param spaced separate items with ", " and keys with ": " as PostgreSQL prints jsonb;
     *               otherwise compact
     */
    static String write(Object value, boolean spaced) {
        StringBuilder out = new StringBuilder();
        write(value, spaced, out);
        return out.toString();
    }

    private static void write(Object value, boolean spaced, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(spaced ? ", " : ",");
                }
                first = false;
                string(String.valueOf(entry.getKey()), out);
                out.append(spaced ? ": " : ":");
                write(entry.getValue(), spaced, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(spaced ? ", " : ",");
                }
                write(list.get(i), spaced, out);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException(d + " cannot be written as JSON");
            }
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString());
        } else if (value instanceof String s) {
            string(s, out);
        } else {
            throw new IllegalArgumentException(
                    "a " + value.getClass().getSimpleName() + " cannot be written as JSON");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
