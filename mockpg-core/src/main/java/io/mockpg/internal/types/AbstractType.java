package io.mockpg.internal.types;

import java.nio.charset.StandardCharsets;

/** Shared identity and error helpers of the built-in types; subclasses supply the codecs. */
abstract class AbstractType implements PgType {
    private final String name;
    private final String sqlName;
    private final int oid;
    private final int arrayOid;
    private final short typlen;

    /**
     * @param sqlName the name PostgreSQL uses in its error messages (format_type), e.g. "integer"
     */
    AbstractType(String name, String sqlName, int oid, int arrayOid, int typlen) {
        this.name = name;
        this.sqlName = sqlName;
        this.oid = oid;
        this.arrayOid = arrayOid;
        this.typlen = (short) typlen;
    }

    @Override
    public String name() {
        return name;
    }

    /** The name PostgreSQL prints in error messages, e.g. "integer" or "timestamp with time zone". */
    String sqlName() {
        return sqlName;
    }

    @Override
    public int oid() {
        return oid;
    }

    @Override
    public int arrayOid() {
        return arrayOid;
    }

    @Override
    public short typlen() {
        return typlen;
    }

    @Override
    public PgType elementType() {
        return null;
    }

    @Override
    public Object fromYaml(Object yamlValue) {
        if (yamlValue instanceof String text) {
            return fromText(text);
        }
        if (yamlValue == null) {
            throw new IllegalArgumentException("null is not a value of " + name);
        }
        return fromYamlValue(yamlValue);
    }

    /** Converts a non-string YAML value; by default nothing but strings fits. */
    Object fromYamlValue(Object yamlValue) {
        throw cannotHold(yamlValue);
    }

    IllegalArgumentException cannotHold(Object yamlValue) {
        return new IllegalArgumentException(
                "a " + yamlKind(yamlValue) + " (" + yamlValue + ") does not fit " + name);
    }

    IllegalArgumentException invalidInput(String text) {
        return new IllegalArgumentException(
                "invalid input syntax for type " + sqlName + ": \"" + text + "\"");
    }

    IllegalArgumentException badBinary(String why) {
        return new IllegalArgumentException("invalid binary " + name + ": " + why);
    }

    void expectLength(byte[] bytes, int length) {
        if (bytes.length != length) {
            throw badBinary("expected " + length + " bytes, got " + bytes.length);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String yamlKind(Object value) {
        if (value instanceof java.util.List) {
            return "list";
        }
        if (value instanceof java.util.Map) {
            return "map";
        }
        if (value instanceof byte[]) {
            return "binary value";
        }
        if (value instanceof java.util.Date) {
            return "timestamp";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name;
    }
}
