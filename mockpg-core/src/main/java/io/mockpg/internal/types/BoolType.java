package io.mockpg.internal.types;

/** bool: text "t"/"f", binary one byte 0/1. */
final class BoolType extends AbstractType {
    private static final byte[] TRUE_BYTES = {1};
    private static final byte[] FALSE_BYTES = {0};

    BoolType() {
        super("bool", "boolean", 16, 1000, 1);
    }

    @Override
    public String toText(Object value) {
        return (Boolean) value ? "t" : "f";
    }

    @Override
    public byte[] toBinary(Object value) {
        return ((Boolean) value ? TRUE_BYTES : FALSE_BYTES).clone();
    }

    /** Accepts what boolin accepts: t/true/yes/on/1 and f/false/no/off/0, any case, trimmed. */
    @Override
    public Object fromText(String text) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1":
                return Boolean.TRUE;
            case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0":
                return Boolean.FALSE;
            default:
                throw invalidInput(text);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 1);
        return bytes[0] != 0;
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Boolean b) {
            return b;
        }
        if (yamlValue instanceof Integer i && (i == 0 || i == 1)) {
            return i == 1;
        }
        throw cannotHold(yamlValue);
    }
}
