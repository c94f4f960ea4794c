package io.mockpg.internal.types;

/** void (the result of functions such as pg_sleep): empty text, empty binary, value null. */
final class VoidType extends AbstractType {
    private static final byte[] EMPTY = new byte[0];

    VoidType() {
        super("void", "void", 2278, 0, 4);
    }

    @Override
    public String toText(Object value) {
        return "";
    }

    @Override
    public byte[] toBinary(Object value) {
        return EMPTY;
    }

    @Override
    public Object fromText(String text) {
        return null;
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return null;
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        return null;
    }
}
