package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** numeric: a BigDecimal (scale kept, never negative) or one of "NaN", "Infinity", "-Infinity". */
final class NumericType extends AbstractType {
    static final String NAN = "NaN";
    static final String INFINITY = "Infinity";
    static final String MINUS_INFINITY = "-Infinity";

    NumericType() {
        super("numeric", "numeric", 1700, 1231, -1);
    }

    @Override
    public String toText(Object value) {
        if (value instanceof String special) {
            return special;
        }
        return normalized(value).toPlainString();
    }

    @Override
    public byte[] toBinary(Object value) {
        if (value instanceof String special) {
            return NumericBinary.special(special);
        }
        return NumericBinary.encode(normalized(value));
    }

    @Override
    public Object fromText(String text) {
        String s = text.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
                return NAN;
            case "infinity", "+infinity", "inf", "+inf":
                return INFINITY;
            case "-infinity", "-inf":
                return MINUS_INFINITY;
            default:
                break;
        }
        if (!plainDecimal(s)) {
            throw invalidInput(text);
        }
        try {
            return nonNegativeScale(new BigDecimal(s));
        } catch (NumberFormatException e) {
            throw invalidInput(text);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return NumericBinary.decode(bytes);
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Integer || yamlValue instanceof Long) {
            return BigDecimal.valueOf(((Number) yamlValue).longValue());
        }
        if (yamlValue instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (yamlValue instanceof BigDecimal big) {
            return nonNegativeScale(big);
        }
        if (yamlValue instanceof Double d) {
            if (d.isNaN()) {
                return NAN;
            }
            if (d.isInfinite()) {
                return d > 0 ? INFINITY : MINUS_INFINITY;
            }
            return nonNegativeScale(BigDecimal.valueOf(d));
        }
        throw cannotHold(yamlValue);
    }

    private static BigDecimal normalized(Object value) {
        if (value instanceof BigDecimal big) {
            return nonNegativeScale(big);
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            return nonNegativeScale(BigDecimal.valueOf(((Number) value).doubleValue()));
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    private static BigDecimal nonNegativeScale(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Digits with an optional sign, point and exponent: what numeric_in accepts. */
    private static boolean plainDecimal(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return digit;
    }
}
