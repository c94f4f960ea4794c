package io.mockpg.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Text-like types held as String and sent as UTF-8: text, varchar, bpchar, name, "char",
 * unknown. Type modifiers (varchar(n), char(n)) are not applied: values go out as given.
 */
class StringType extends AbstractType {
    StringType(String name, String sqlName, int oid, int arrayOid, int typlen) {
        super(name, sqlName, oid, arrayOid, typlen);
    }

    @Override
    public String toText(Object value) {
        return value.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        return utf8(value.toString());
    }

    @Override
    public Object fromText(String text) {
        return text;
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return utf8(bytes);
    }

    /** Numbers and booleans in a text column read as they are written: 42, 1.5, true. */
    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Integer || yamlValue instanceof Long || yamlValue instanceof BigInteger
                || yamlValue instanceof BigDecimal || yamlValue instanceof Double
                || yamlValue instanceof Boolean) {
            return yamlValue.toString();
        }
        throw cannotHold(yamlValue);
    }
}
