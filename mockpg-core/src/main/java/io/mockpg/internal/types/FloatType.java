package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** float4 (Float) and float8 (Double), IEEE-754 on the wire. */
final class FloatType extends AbstractType {
    private final boolean single;

    private FloatType(boolean single) {
        super(single ? "float4" : "float8", single ? "real" : "double precision",
                single ? 700 : 701, single ? 1021 : 1022, single ? 4 : 8);
        this.single = single;
    }

    static FloatType float4() {
        return new FloatType(true);
    }

    static FloatType float8() {
        return new FloatType(false);
    }

    @Override
    public String toText(Object value) {
        Number n = (Number) value;
        return single ? FloatText.float4(n.floatValue()) : FloatText.float8(n.doubleValue());
    }

    @Override
    public byte[] toBinary(Object value) {
        Number n = (Number) value;
        return single
                ? BinaryBytes.ofInt(Float.floatToRawIntBits(n.floatValue()))
                : BinaryBytes.ofLong(Double.doubleToRawLongBits(n.doubleValue()));
    }

    @Override
    public Object fromText(String text) {
        String s = text.trim();
        Double special = specialValue(s.toLowerCase(Locale.ROOT));
        if (special != null) {
            return single ? (Object) special.floatValue() : special;
        }
        if (!looksNumeric(s)) {
            throw invalidInput(text);
        }
        double parsed;
        try {
            parsed = single ? Float.parseFloat(s) : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw invalidInput(text);
        }
        if (Double.isInfinite(parsed) || (parsed == 0 && hasNonZeroMantissa(s))) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" is out of range for type " + sqlName());
        }
        return single ? (Object) (float) parsed : (Object) parsed;
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        if (single) {
            expectLength(bytes, 4);
            return Float.intBitsToFloat(BinaryBytes.getInt(bytes, 0));
        }
        expectLength(bytes, 8);
        return Double.longBitsToDouble(BinaryBytes.getLong(bytes, 0));
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Double || yamlValue instanceof Float || yamlValue instanceof Integer
                || yamlValue instanceof Long || yamlValue instanceof BigInteger
                || yamlValue instanceof BigDecimal) {
            double d = ((Number) yamlValue).doubleValue();
            if (single && !Double.isInfinite(d) && Double.isInfinite((float) d)) {
                throw new IllegalArgumentException(yamlValue + " is out of range for " + name());
            }
            return single ? (Object) (float) d : (Object) d;
        }
        throw cannotHold(yamlValue);
    }

    private static Double specialValue(String lower) {
        return switch (lower) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    /** Rejects what Java would parse but PostgreSQL would not: hex floats, "1d", "NaN" spellings. */
    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
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

    private static boolean hasNonZeroMantissa(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
