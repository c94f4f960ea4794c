package io.mockpg.internal.types;

import java.math.BigInteger;

/** The integer types int2, int4, int8 and oid (an unsigned 32-bit number held in a Long). */
final class IntType extends AbstractType {
    private final long min;
    private final long max;
    private final int size;

    private IntType(String name, String sqlName, int oid, int arrayOid, int size, long min, long max) {
        super(name, sqlName, oid, arrayOid, size);
        this.min = min;
        this.max = max;
        this.size = size;
    }

    static IntType int2() {
        return new IntType("int2", "smallint", 21, 1005, 2, Short.MIN_VALUE, Short.MAX_VALUE);
    }

    static IntType int4() {
        return new IntType("int4", "integer", 23, 1007, 4, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    static IntType int8() {
        return new IntType("int8", "bigint", 20, 1016, 8, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    static IntType oidType() {
        return new IntType("oid", "oid", 26, 1028, 4, 0, 0xffffffffL);
    }

    @Override
    public String toText(Object value) {
        return Long.toString(((Number) value).longValue());
    }

    @Override
    public byte[] toBinary(Object value) {
        long v = ((Number) value).longValue();
        return switch (size) {
            case 2 -> BinaryBytes.ofShort((int) v);
            case 4 -> BinaryBytes.ofInt((int) v);
            default -> BinaryBytes.ofLong(v);
        };
    }

    @Override
    public Object fromText(String text) {
        String trimmed = text.trim();
        if (!isInteger(trimmed)) {
            throw invalidInput(text);
        }
        long v;
        try {
            v = Long.parseLong(trimmed);
        } catch (NumberFormatException tooLong) {
            throw outOfRangeText(text);
        }
        if (v < min || v > max) {
            throw outOfRangeText(text);
        }
        return box(v);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, size);
        return switch (size) {
            case 2 -> BinaryBytes.getShort(bytes, 0);
            case 4 -> max == 0xffffffffL
                    ? (Object) (BinaryBytes.getInt(bytes, 0) & 0xffffffffL)
                    : (Object) BinaryBytes.getInt(bytes, 0);
            default -> BinaryBytes.getLong(bytes, 0);
        };
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Integer || yamlValue instanceof Long || yamlValue instanceof Short) {
            return checkedYaml(((Number) yamlValue).longValue(), yamlValue);
        }
        if (yamlValue instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw outOfRangeYaml(yamlValue);
            }
            return checkedYaml(big.longValue(), yamlValue);
        }
        throw cannotHold(yamlValue);
    }

    private Object checkedYaml(long v, Object yamlValue) {
        if (v < min || v > max) {
            throw outOfRangeYaml(yamlValue);
        }
        return box(v);
    }

    private Object box(long v) {
        return switch (size) {
            case 2 -> (short) v;
            case 4 -> max == 0xffffffffL ? (Object) v : (Object) (int) v;
            default -> v;
        };
    }

    private IllegalArgumentException outOfRangeText(String text) {
        return new IllegalArgumentException(
                "value \"" + text + "\" is out of range for type " + sqlName());
    }

    private IllegalArgumentException outOfRangeYaml(Object yamlValue) {
        return new IllegalArgumentException(yamlValue + " is out of range for " + name());
    }

    private static boolean isInteger(String s) {
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
