package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Shortest round-trip decimal output of floats as PostgreSQL 12+ prints them with
 * extra_float_digits &gt; 0 (its Ryu-based float4out/float8out): fixed notation for decimal
 * exponents from -4 up to 5 (float4) or 14 (float8), else "1.5e+20" style.
 */
final class FloatText {
    private static final MathContext[] PRECISIONS = new MathContext[18];

    static {
        for (int p = 1; p < PRECISIONS.length; p++) {
            PRECISIONS[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    private FloatText() {
    }

    static String float8(double d) {
        String special = special(d);
        if (special != null) {
            return special;
        }
        // Double.toString round-trips but is not always the shortest form on Java 17
        // (4.9E-324 for 5e-324): one cheap check of a digit less, a full search if it fits.
        Digits digits = Digits.of(Double.toString(Math.abs(d)));
        if (digits.count() > 15 || digits.shorterReadsBack(Math.abs(d), false)) {
            digits = shortest(d, false, 17);
        }
        return format(d < 0, digits, 15);
    }

    static String float4(float f) {
        String special = special(f);
        if (special != null) {
            return special;
        }
        Digits digits = Digits.of(Float.toString(Math.abs(f)));
        if (digits.count() > 6 || digits.shorterReadsBack(Math.abs(f), true)) {
            digits = shortest(f, true, 9);
        }
        return format(f < 0, digits, 6);
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        return null;
    }

    /** Binary search for the fewest significant digits that still read back as the same value. */
    private static Digits shortest(double value, boolean isFloat, int maxDigits) {
        BigDecimal exact = new BigDecimal(Math.abs(value));
        int low = 1;
        int high = maxDigits;
        BigDecimal best = exact.round(PRECISIONS[maxDigits]);
        while (low < high) {
            int mid = (low + high) >>> 1;
            BigDecimal candidate = exact.round(PRECISIONS[mid]);
            if (readsBack(candidate, Math.abs(value), isFloat)) {
                best = candidate;
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return Digits.of(best.toString());
    }

    /**
     * Whether the candidate reads back as the value and lies strictly inside its rounding
     * interval: PostgreSQL's Ryu never picks a decimal exactly halfway to a neighbour, even
     * where round-half-even reading would give the value back.
     */
    private static boolean readsBack(BigDecimal candidate, double value, boolean isFloat) {
        String text = candidate.toString();
        boolean same = isFloat ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
        if (!same) {
            return false;
        }
        double up = isFloat ? Math.nextUp((float) value) : Math.nextUp(value);
        double down = isFloat ? Math.nextDown((float) value) : Math.nextDown(value);
        BigDecimal exact = new BigDecimal(value);
        BigDecimal two = BigDecimal.valueOf(2);
        return (Double.isInfinite(up) || candidate.compareTo(exact.add(new BigDecimal(up)).divide(two)) != 0)
                && candidate.compareTo(exact.add(new BigDecimal(down)).divide(two)) != 0;
    }

    private static String format(boolean negative, Digits digits, int fixedBelow) {
        String d = digits.digits();
        int n = d.length();
        int exp = digits.exponent();
        StringBuilder out = new StringBuilder(n + 8);
        if (negative) {
            out.append('-');
        }
        if (exp >= -4 && exp < fixedBelow) {
            if (exp < 0) {
                out.append("0.");
                for (int i = -1; i > exp; i--) {
                    out.append('0');
                }
                out.append(d);
            } else if (n <= exp + 1) {
                out.append(d);
                for (int i = n; i <= exp; i++) {
                    out.append('0');
                }
            } else {
                out.append(d, 0, exp + 1).append('.').append(d, exp + 1, n);
            }
            return out.toString();
        }
        out.append(d.charAt(0));
        if (n > 1) {
            out.append('.').append(d, 1, n);
        }
        out.append(exp < 0 ? "e-" : "e+");
        int absExp = Math.abs(exp);
        if (absExp < 10) {
            out.append('0');
        }
        return out.append(absExp).toString();
    }

    /**
     * Significant digits without leading or trailing zeros, and the decimal exponent of the
     * first one (value = d.ddd × 10^exponent).
     */
    private record Digits(String digits, int exponent) {
        int count() {
            return digits.length();
        }

        /** Whether these digits rounded (half up) to one digit less still read back as value. */
        boolean shorterReadsBack(double value, boolean isFloat) {
            int p = digits.length() - 1;
            if (p < 1) {
                return false;
            }
            char[] shorter = digits.substring(0, p).toCharArray();
            int exp = exponent;
            if (digits.charAt(p) >= '5') {
                int i = p - 1;
                while (i >= 0 && shorter[i] == '9') {
                    shorter[i--] = '0';
                }
                if (i < 0) {
                    shorter = new char[] {'1'};
                    exp++;
                } else {
                    shorter[i]++;
                }
            }
            String text = "0." + new String(shorter) + "E" + (exp + 1);
            return isFloat ? Float.parseFloat(text) == (float) value : Double.parseDouble(text) == value;
        }

        /** Reads Java's "123.45", "1.0E-5" or BigDecimal's "1.2E+3" forms of a positive number. */
        static Digits of(String javaText) {
            int e = javaText.indexOf('E');
            int exp10 = e < 0 ? 0 : Integer.parseInt(javaText, e + 1, javaText.length(), 10);
            String mantissa = e < 0 ? javaText : javaText.substring(0, e);
            int dot = mantissa.indexOf('.');
            int intDigits = dot < 0 ? mantissa.length() : dot;
            StringBuilder all = new StringBuilder(mantissa.length());
            for (int i = 0; i < mantissa.length(); i++) {
                char c = mantissa.charAt(i);
                if (c != '.') {
                    all.append(c);
                }
            }
            int lead = 0;
            while (lead < all.length() - 1 && all.charAt(lead) == '0') {
                lead++;
            }
            int end = all.length();
            while (end > lead + 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            return new Digits(all.substring(lead, end), intDigits - 1 - lead + exp10);
        }
    }
}
