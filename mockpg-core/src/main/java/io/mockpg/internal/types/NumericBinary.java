package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * numeric's send/recv format: int16 ndigits, int16 weight, int16 sign, int16 dscale, then
 * ndigits base-10000 digits. Leading and trailing zero digits are stripped as PostgreSQL does.
 */
final class NumericBinary {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    private static final int NAN = 0xC000;
    private static final int PLUS_INFINITY = 0xD000;
    private static final int MINUS_INFINITY = 0xF000;
    /** PostgreSQL 15 sends dscale 32 for ±Infinity: header bits that its dscale macro reads. */
    private static final int INFINITY_DSCALE = 32;

    private NumericBinary() {
    }

    static byte[] special(String value) {
        return switch (value) {
            case NumericType.NAN -> header(0, 0, NAN, 0);
            case NumericType.INFINITY -> header(0, 0, PLUS_INFINITY, INFINITY_DSCALE);
            case NumericType.MINUS_INFINITY -> header(0, 0, MINUS_INFINITY, INFINITY_DSCALE);
            default -> throw new IllegalArgumentException("not a numeric: " + value);
        };
    }

    static byte[] encode(BigDecimal value) {
        int scale = value.scale();
        char[] unscaled = value.unscaledValue().abs().toString().toCharArray();
        int intLen = unscaled.length - scale;
        int intGroups = intLen > 0 ? (intLen + 3) / 4 : 0;
        int fracGroups = (scale + 3) / 4;
        // index into unscaled of the first digit of the padded, group-aligned digit string
        int offset = intGroups * 4 - intLen;
        int groups = intGroups + fracGroups;
        int[] digits = new int[groups];
        for (int g = 0; g < groups; g++) {
            int group = 0;
            for (int k = 0; k < 4; k++) {
                int i = g * 4 + k - offset;
                group = group * 10 + (i >= 0 && i < unscaled.length ? unscaled[i] - '0' : 0);
            }
            digits[g] = group;
        }
        int first = 0;
        while (first < groups && digits[first] == 0) {
            first++;
        }
        int last = groups;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int ndigits = last - first;
        if (ndigits == 0) {
            return header(0, 0, POSITIVE, scale);
        }
        int weight = intGroups - 1 - first;
        byte[] out = header(ndigits, weight, value.signum() < 0 ? NEGATIVE : POSITIVE, scale);
        for (int g = 0; g < ndigits; g++) {
            BinaryBytes.putShort(out, 8 + 2 * g, digits[first + g]);
        }
        return out;
    }

    /** Returns a BigDecimal, or one of the strings "NaN", "Infinity", "-Infinity". */
    static Object decode(byte[] bytes) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException("invalid binary numeric: too short");
        }
        int ndigits = BinaryBytes.getShort(bytes, 0) & 0xffff;
        int weight = BinaryBytes.getShort(bytes, 2);
        int sign = BinaryBytes.getShort(bytes, 4) & 0xffff;
        int dscale = BinaryBytes.getShort(bytes, 6) & 0xffff;
        switch (sign) {
            case NAN:
                return NumericType.NAN;
            case PLUS_INFINITY:
                return NumericType.INFINITY;
            case MINUS_INFINITY:
                return NumericType.MINUS_INFINITY;
            case POSITIVE, NEGATIVE:
                break;
            default:
                throw new IllegalArgumentException("invalid binary numeric: bad sign " + sign);
        }
        if (bytes.length != 8 + 2 * ndigits) {
            throw new IllegalArgumentException("invalid binary numeric: length does not match ndigits");
        }
        StringBuilder text = new StringBuilder(ndigits * 4 + 1);
        for (int g = 0; g < ndigits; g++) {
            int digit = BinaryBytes.getShort(bytes, 8 + 2 * g);
            if (digit < 0 || digit > 9999) {
                throw new IllegalArgumentException("invalid binary numeric: bad digit " + digit);
            }
            String group = Integer.toString(digit);
            for (int pad = group.length(); pad < 4; pad++) {
                text.append('0');
            }
            text.append(group);
        }
        BigDecimal value = ndigits == 0
                ? BigDecimal.ZERO
                : new BigDecimal(new BigInteger(text.toString()), -4 * (weight - ndigits + 1));
        value = value.setScale(dscale, RoundingMode.HALF_UP);
        return sign == NEGATIVE ? value.negate() : value;
    }

    private static byte[] header(int ndigits, int weight, int sign, int dscale) {
        byte[] out = new byte[8 + 2 * ndigits];
        BinaryBytes.putShort(out, 0, ndigits);
        BinaryBytes.putShort(out, 2, weight);
        BinaryBytes.putShort(out, 4, sign);
        BinaryBytes.putShort(out, 6, dscale);
        return out;
    }
}
