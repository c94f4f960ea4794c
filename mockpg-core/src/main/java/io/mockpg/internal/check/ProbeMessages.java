package io.mockpg.internal.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the frontend messages a probe sends (PostgreSQL's protocol chapter, "Message
 * Formats"): type byte, Int32 length including itself, body.
 */
final class ProbeMessages {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Query: the statement text. */
    ProbeMessages query(String sql) {
        Body body = new Body();
        body.cstring(sql);
        return frame('Q', body);
    }

    /** Parse into the unnamed statement, stating these parameter types (0 = unspecified). */
    ProbeMessages parse(String sql, int[] paramOids) {
        Body body = new Body();
        body.cstring("");
        body.cstring(sql);
        body.int16(paramOids.length);
        for (int oid : paramOids) {
            body.int32(oid);
        }
        return frame('P', body);
    }

    /** Describe the unnamed statement: ParameterDescription, then RowDescription or NoData. */
    ProbeMessages describeStatement() {
        Body body = new Body();
        body.out.write('S');
        body.cstring("");
        return frame('D', body);
    }

    ProbeMessages sync() {
        return frame('S', new Body());
    }

    ProbeMessages terminate() {
        return frame('X', new Body());
    }

    /** Bytes encoded so far. */
    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private ProbeMessages frame(char type, Body body) {
        out.write(type);
        int length = body.out.size() + 4;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.writeBytes(body.out.toByteArray());
        return this;
    }

    private static final class Body {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void cstring(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }

        void int16(int value) {
            out.write(value >>> 8);
            out.write(value);
        }

        void int32(int value) {
            int16(value >>> 16);
            int16(value & 0xFFFF);
        }
    }
}
