package io.mockpg.internal.types;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * json and jsonb, held as JSON text. The text goes out as given: jsonb is not normalized the
 * way PostgreSQL would (key order, duplicate keys, spacing). jsonb's binary form is a version
 * byte 1 followed by the text.
 */
final class JsonType extends StringType {
    private static final byte JSONB_VERSION = 1;
    private final boolean jsonb;

    private JsonType(boolean jsonb) {
        super(jsonb ? "jsonb" : "json", jsonb ? "jsonb" : "json", jsonb ? 3802 : 114,
                jsonb ? 3807 : 199, -1);
        this.jsonb = jsonb;
    }

    static JsonType json() {
        return new JsonType(false);
    }

    static JsonType jsonb() {
        return new JsonType(true);
    }

    @Override
    public byte[] toBinary(Object value) {
        byte[] text = utf8(value.toString());
        if (!jsonb) {
            return text;
        }
        byte[] out = new byte[text.length + 1];
        out[0] = JSONB_VERSION;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    @Override
    public Object fromBinary(byte[] bytes) {
        if (!jsonb) {
            return utf8(bytes);
        }
        if (bytes.length == 0 || bytes[0] != JSONB_VERSION) {
            throw badBinary("unsupported jsonb version");
        }
        return utf8(Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    /** Maps and lists become JSON text (keys in YAML order); scalars their JSON form. */
    @Override
    Object fromYamlValue(Object yamlValue) {
        if (yamlValue instanceof Map || yamlValue instanceof List || yamlValue instanceof Number
                || yamlValue instanceof Boolean) {
            return JsonWriter.write(yamlValue, jsonb);
        }
        throw cannotHold(yamlValue);
    }
}
