package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

/** Type look-ups for built-in result columns. */
final class Types {
    static final int TEXT_OID = PgTypes.TEXT.oid();
    static final int INT4_OID = PgTypes.INT4.oid();
    static final int INT8_OID = PgTypes.INT8.oid();
    static final int BOOL_OID = PgTypes.BOOL.oid();
    static final int OID_OID = PgTypes.OID.oid();
    static final int NAME_OID = PgTypes.NAME.oid();
    static final int FLOAT8_OID = PgTypes.FLOAT8.oid();

    private Types() {
    }

    /**
     * The type of this catalog name: {@code char} is the catalog's one-byte type {@code "char"}
     * (where a script's {@code char} means {@code bpchar}).
     */
    static PgType of(String name) {
        if (name.equals("char")) {
            return PgTypes.CHAR;
        }
        PgType type = PgTypes.byName(name);
        if (type == null) {
            throw new IllegalStateException("type registry lacks " + name);
        }
        return type;
    }
}
