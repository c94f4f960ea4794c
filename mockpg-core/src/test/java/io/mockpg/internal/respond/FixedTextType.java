package io.mockpg.internal.respond;

import io.mockpg.internal.types.PgType;

/** A minimal int4-like type for tests that must not depend on the type registry. */
final class FixedTextType implements PgType {
    static final FixedTextType INT4 = new FixedTextType("int4", 23);

    private final String name;
    private final int oid;

    private FixedTextType(String name, int oid) {
        this.name = name;
        this.oid = oid;
    }

    public String name() {
        return name;
    }

    public int oid() {
        return oid;
    }

    public int arrayOid() {
        return 1007;
    }

    public short typlen() {
        return 4;
    }

    public PgType elementType() {
        return null;
    }

    public String toText(Object value) {
        return value.toString();
    }

    public byte[] toBinary(Object value) {
        throw new UnsupportedOperationException();
    }

    public Object fromText(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid input syntax for type integer");
        }
    }

    public Object fromBinary(byte[] bytes) {
        throw new UnsupportedOperationException();
    }

    public Object fromYaml(Object yamlValue) {
        return yamlValue;
    }
}
