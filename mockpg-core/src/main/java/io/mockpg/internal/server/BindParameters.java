package io.mockpg.internal.server;

import io.mockpg.internal.engine.ParamTypes;
import io.mockpg.internal.protocol.frontend.FormatCodes;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Bind's parameter values as the text the engine matches, and the types they are read in. */
final class BindParameters {
    /** A binary value that does not decode in its type: PostgreSQL answers 22P03. */
    static final class Undecodable extends Exception {
        final int number;

        Undecodable(int number) {
            super(null, null, false, false);
            this.number = number;
        }
    }

    private BindParameters() {
    }

    /** Parse's OIDs, completed from the statement's description only when a binary value needs a type. */
    static int[] types(PreparedStatement statement, int count, short[] formats, GuardedEngine engine) {
        int[] client = statement.clientOids();
        boolean needsDescription = false;
        for (int i = 0; i < count && !needsDescription; i++) {
            needsDescription = FormatCodes.isBinary(formats, i) && (i >= client.length || client[i] == 0);
        }
        if (!needsDescription) {
            return client.length == count ? client : Arrays.copyOf(client, count);
        }
        int[] described = statement.description(engine).paramOids();
        return ParamTypes.merge(client, count, i -> i < described.length ? described[i] : PgTypes.TEXT.oid());
    }

    /** Each value as text (null for SQL NULL): text values as sent, binary ones decoded in their type. */
    static List<String> texts(byte[][] values, short[] formats, int[] oids) throws Undecodable {
        if (values.length == 0) {
            return List.of(); // the common Bind of a statement without parameters allocates nothing
        }
        List<String> texts = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i];
            String text = value == null ? null : FormatCodes.isBinary(formats, i) ? binary(oids[i], value)
                    : new String(value, StandardCharsets.UTF_8);
            if (value != null && text == null) {
                throw new Undecodable(i + 1);
            }
            texts.add(text);
        }
        return texts;
    }

    /** A binary value's text form, or null when it does not decode. */
    private static String binary(int oid, byte[] value) {
        PgType type = PgTypes.byOid(oid);
        if (type == null) {
            return new String(value, StandardCharsets.UTF_8);
        }
        try {
            return type.toText(type.fromBinary(value));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }
}
