package io.mockpg.internal.types;

import java.util.UUID;

/** uuid: java.util.UUID; text lower-case with hyphens; binary 16 bytes. */
final class UuidType extends AbstractType {
    UuidType() {
        super("uuid", "uuid", 2950, 2951, 16);
    }

    @Override
    public String toText(Object value) {
        return value.toString();
    }

    @Override
    public byte[] toBinary(Object value) {
        UUID uuid = (UUID) value;
        byte[] out = new byte[16];
        BinaryBytes.putLong(out, 0, uuid.getMostSignificantBits());
        BinaryBytes.putLong(out, 8, uuid.getLeastSignificantBits());
        return out;
    }

    /** As uuid_in: any case, optional braces, a hyphen allowed after any group of four digits. */
    @Override
    public Object fromText(String text) {
        String s = text.trim();
        if (s.startsWith("{") && s.endsWith("}") && s.length() > 1) {
            s = s.substring(1, s.length() - 1);
        }
        long high = 0;
        long low = 0;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && count > 0 && count < 32 && count % 4 == 0 && s.charAt(i - 1) != '-') {
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0 || count == 32) {
                throw invalidInput(text);
            }
            if (count < 16) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
            count++;
        }
        if (count != 32) {
            throw invalidInput(text);
        }
        return new UUID(high, low);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        expectLength(bytes, 16);
        return new UUID(BinaryBytes.getLong(bytes, 0), BinaryBytes.getLong(bytes, 8));
    }

    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof UUID uuid) {
            return uuid;
        }
        throw cannotHold(yamlValue);
    }
}
