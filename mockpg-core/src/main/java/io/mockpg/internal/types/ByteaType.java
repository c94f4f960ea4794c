package io.mockpg.internal.types;

import java.io.ByteArrayOutputStream;

/** bytea: byte[]; text output in hex format ("\x0102"), input in hex or escape format. */
final class ByteaType extends AbstractType {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    ByteaType() {
        super("bytea", "bytea", 17, 1001, -1);
    }

    @Override
    public String toText(Object value) {
        byte[] bytes = (byte[]) value;
        char[] out = new char[2 + 2 * bytes.length];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public byte[] toBinary(Object value) {
        return ((byte[]) value).clone();
    }

    @Override
    public Object fromText(String text) {
        if (text.startsWith("\\x") || text.startsWith("\\X")) {
            return fromHex(text);
        }
        return fromEscape(text);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        return bytes.clone();
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw cannotHold(yamlValue);
    }

    private byte[] fromHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int high = Character.digit(c, 16);
            int low = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("invalid hexadecimal data in bytea: \"" + text + "\"");
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    /** Escape format: "\\" is a backslash, "\ooo" an octal byte, anything else itself (UTF-8). */
    private byte[] fromEscape(String text) {
        byte[] raw = utf8(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        int i = 0;
        while (i < raw.length) {
            byte b = raw[i];
            if (b != '\\') {
                out.write(b);
                i++;
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < raw.length && isOctal(raw[i + 1], '3') && isOctal(raw[i + 2], '7')
                    && isOctal(raw[i + 3], '7')) {
                out.write(((raw[i + 1] - '0') << 6) | ((raw[i + 2] - '0') << 3) | (raw[i + 3] - '0'));
                i += 4;
            } else {
                throw invalidInput(text);
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b, char max) {
        return b >= '0' && b <= max;
    }
}
