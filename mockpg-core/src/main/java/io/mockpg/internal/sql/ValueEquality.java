package io.mockpg.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Whether a rule's literal accepts a statement's value (docs/script-reference.md): NULL only NULL, numbers
 * numerically, booleans as booleans (t/true/f/false), strings exactly.
 */
final class ValueEquality {
    private ValueEquality() {
    }

    /** {@code value} is the statement's slot value in text form, null for SQL NULL. */
    static boolean accepts(SlotValue ruleLiteral, String value) {
        return switch (ruleLiteral.kind()) {
            case NULL -> value == null;
            case NUMBER -> value != null && numbersEqual(ruleLiteral.text(), value);
            case BOOLEAN -> value != null && ruleLiteral.text().equals(booleanText(value));
            case STRING -> ruleLiteral.text().equals(value);
            case PARAMETER -> true;
        };
    }

    static boolean numbersEqual(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        BigDecimal left = parseNumber(a);
        BigDecimal right = parseNumber(b);
        return left != null && right != null && left.compareTo(right) == 0;
    }

    /** A numeric literal or parameter text as a number (signs, 1_000, 0x1F, 1e-3), null if not one. */
    static BigDecimal parseNumber(String text) {
        String t = text.strip();
        boolean minus = t.startsWith("-");
        if (minus || t.startsWith("+")) {
            t = t.substring(1).stripLeading();
        }
        if (t.isEmpty() || t.startsWith("+") || t.startsWith("-")) {
            return null;
        }
        t = t.indexOf('_') >= 0 ? t.replace("_", "") : t;
        try {
            BigDecimal number;
            int radix = radix(t);
            if (radix != 10) {
                number = new BigDecimal(new BigInteger(t.substring(2), radix));
            } else {
                number = new BigDecimal(t);
            }
            return minus ? number.negate() : number;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static int radix(String t) {
        if (t.length() > 2 && t.charAt(0) == '0') {
            switch (Character.toLowerCase(t.charAt(1))) {
                case 'x':
                    return 16;
                case 'o':
                    return 8;
                case 'b':
                    return 2;
                default:
                    return 10;
            }
        }
        return 10;
    }

    /** "true"/"false" for the boolean text forms t, true, f, false (any case), else null. */
    static String booleanText(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "t", "true" -> "true";
            case "f", "false" -> "false";
            default -> null;
        };
    }
}
