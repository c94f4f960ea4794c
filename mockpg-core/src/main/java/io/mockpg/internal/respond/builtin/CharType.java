package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.types.PgType;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's single-byte {@code "char"} type (OID 18), the type of pg_type.typtype and
 * typdelim. It is not a user-facing column type (§6), so it lives with the catalog.
 */
final class CharType implements PgType {
    static final CharType INSTANCE = new CharType();

    private CharType() {
    }

    @Override
    public String name() {
        return "char";
    }

    @Override
    public int oid() {
        return 18;
    }

    @Override
    public int arrayOid() {
        return 1002;
    }

    @Override
    public short typlen() {
        return 1;
    }

    @Override
    public PgType elementType() {
        return null;
    }

    @Override
    public String toText(Object value) {
        return value.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object fromText(String text) {
        return text;
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public Object fromYaml(Object yamlValue) {
        return String.valueOf(yamlValue);
    }
}
