package io.mockpg.internal.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A one-dimensional array of an element type, held as a List (null elements allowed).
 * Binary: int32 ndim (0 when empty), int32 has-nulls, int32 element OID, then per dimension
 * int32 size and int32 lower bound 1, then per element int32 length (-1 for NULL) and bytes.
 */
final class ArrayType extends AbstractType {
    private final AbstractType element;

    ArrayType(AbstractType element) {
        super(element.name() + "[]", element.sqlName() + "[]", element.arrayOid(), 0, -1);
        this.element = element;
    }

    @Override
    public PgType elementType() {
        return element;
    }

    @Override
    public String toText(Object value) {
        return ArrayText.format((List<?>) value, element);
    }

    @Override
    public byte[] toBinary(Object value) {
        List<?> values = (List<?>) value;
        if (values.isEmpty()) {
            byte[] out = new byte[12];
            BinaryBytes.putInt(out, 8, element.oid());
            return out;
        }
        byte[][] encoded = new byte[values.size()][];
        int size = 20;
        boolean hasNulls = false;
        for (int i = 0; i < encoded.length; i++) {
            Object item = values.get(i);
            if (item == null) {
                hasNulls = true;
            } else {
                encoded[i] = element.toBinary(item);
                size += encoded[i].length;
            }
            size += 4;
        }
        byte[] out = new byte[size];
        BinaryBytes.putInt(out, 0, 1);
        BinaryBytes.putInt(out, 4, hasNulls ? 1 : 0);
        BinaryBytes.putInt(out, 8, element.oid());
        BinaryBytes.putInt(out, 12, encoded.length);
        BinaryBytes.putInt(out, 16, 1);
        int at = 20;
        for (byte[] item : encoded) {
            if (item == null) {
                BinaryBytes.putInt(out, at, -1);
                at += 4;
            } else {
                BinaryBytes.putInt(out, at, item.length);
                System.arraycopy(item, 0, out, at + 4, item.length);
                at += 4 + item.length;
            }
        }
        return out;
    }

    @Override
    public Object fromText(String text) {
        List<String> texts;
        try {
            texts = ArrayText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed array literal: \"" + text + "\": " + e.getMessage());
        }
        List<Object> values = new ArrayList<>(texts.size());
        for (String item : texts) {
            values.add(item == null ? null : element.fromText(item));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        if (bytes.length < 12) {
            throw badBinary("too short");
        }
        int ndim = BinaryBytes.getInt(bytes, 0);
        int elementOid = BinaryBytes.getInt(bytes, 8);
        if (elementOid != element.oid()) {
            throw badBinary("element OID " + elementOid + " is not " + element.oid());
        }
        if (ndim == 0) {
            return List.of();
        }
        if (ndim != 1 || bytes.length < 20) {
            throw badBinary("only one-dimensional arrays are supported, got " + ndim);
        }
        int count = BinaryBytes.getInt(bytes, 12);
        List<Object> values = new ArrayList<>(Math.max(0, Math.min(count, bytes.length / 4)));
        int at = 20;
        for (int i = 0; i < count; i++) {
            if (at + 4 > bytes.length) {
                throw badBinary("truncated");
            }
            int length = BinaryBytes.getInt(bytes, at);
            at += 4;
            if (length < 0) {
                values.add(null);
                continue;
            }
            if (at + length > bytes.length) {
                throw badBinary("truncated");
            }
            values.add(element.fromBinary(java.util.Arrays.copyOfRange(bytes, at, at + length)));
            at += length;
        }
        if (at != bytes.length) {
            throw badBinary("trailing bytes");
        }
        return Collections.unmodifiableList(values);
    }

    /** A YAML list, elements converted one by one; a string is read as the "{...}" text form. */
    @Override
    Object fromYamlValue(Object yamlValue) {
        if (!(yamlValue instanceof List<?> list)) {
            throw cannotHold(yamlValue);
        }
        List<Object> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
                values.add(item == null ? null : element.fromYaml(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("element " + (i + 1) + ": " + e.getMessage());
            }
        }
        return Collections.unmodifiableList(values);
    }
}
