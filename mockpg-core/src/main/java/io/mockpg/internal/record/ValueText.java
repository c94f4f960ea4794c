package io.mockpg.internal.record;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A value as the upstream sent it (text or binary, by type OID) turned into the natural value
 * a script holds: the server's own type codecs decode binary, PostgreSQL's text output is kept
 * (so a value replays exactly as printed), numbers unquoted, booleans as true/false, arrays as
 * lists. A type scripts cannot express stays in its text form (hex for binary).
 */
final class ValueText {
    private ValueText() {
    }

    /** The script's name for a type OID, or null when scripts cannot express it. */
    static String typeName(int oid) {
        PgType type = PgTypes.byOid(oid);
        return type == null || type == PgTypes.UNKNOWN ? null : type.name();
    }

    /** The natural value of one wire value; {@code bytes} null is SQL NULL. */
    static Object natural(byte[] bytes, boolean binary, int oid) {
        if (bytes == null) {
            return null;
        }
        PgType type = typeName(oid) == null ? null : PgTypes.byOid(oid);
        if (type == null) {
            return binary ? "\\x" + HexFormat.of().formatHex(bytes) : utf8(bytes);
        }
        try {
            String text = binary ? type.toText(type.fromBinary(bytes)) : utf8(bytes);
            return natural(text, type);
        } catch (IllegalArgumentException e) {
            return binary ? "\\x" + HexFormat.of().formatHex(bytes) : utf8(bytes);
        }
    }

    /** The text form of a value, as a script's {@code params} compare it; null is SQL NULL. */
    static String text(byte[] bytes, boolean binary, int oid) {
        if (bytes == null) {
            return null;
        }
        if (!binary) {
            return utf8(bytes);
        }
        PgType type = typeName(oid) == null ? null : PgTypes.byOid(oid);
        try {
            return type == null ? "\\x" + HexFormat.of().formatHex(bytes) : type.toText(type.fromBinary(bytes));
        } catch (IllegalArgumentException e) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
    }

    /** A bound parameter as a rule's {@code params} holds it: a number unquoted when its type is numeric. */
    static Object parameter(String text, int oid) {
        PgType type = typeName(oid) == null ? null : PgTypes.byOid(oid);
        if (text != null && type != null && isNumber(type) && isPlainNumber(text)) {
            return new PlainScalar(text);
        }
        return text;
    }

    private static Object natural(String text, PgType type) {
        if (type.elementType() != null) {
            List<Object> elements = new ArrayList<>();
            for (Object element : (List<?>) type.fromText(text)) {
                elements.add(element == null ? null : natural(type.elementType().toText(element), type.elementType()));
            }
            return elements;
        }
        if (type == PgTypes.BOOL) {
            return "t".equals(text);
        }
        if (isNumber(type) && isPlainNumber(text)) {
            return new PlainScalar(text);
        }
        return text;
    }

    private static boolean isNumber(PgType type) {
        return type == PgTypes.INT2 || type == PgTypes.INT4 || type == PgTypes.INT8 || type == PgTypes.OID
                || type == PgTypes.NUMERIC || type == PgTypes.FLOAT4 || type == PgTypes.FLOAT8;
    }

    /** Whether a number's text is plain, {@code -?[0-9]+(\.[0-9]+)?}: written unquoted, it reads back as itself. */
    static boolean isPlainNumber(String text) {
        int at = text.startsWith("-") ? 1 : 0;
        int digits = digits(text, at);
        if (digits == 0) {
            return false;
        }
        at += digits;
        if (at == text.length()) {
            return true;
        }
        if (text.charAt(at) != '.') {
            return false;
        }
        int fraction = digits(text, at + 1);
        return fraction > 0 && at + 1 + fraction == text.length();
    }

    private static int digits(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
