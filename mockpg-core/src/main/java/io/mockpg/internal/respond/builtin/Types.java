package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

/** Type look-ups for built-in result columns. */
final class Types {
    static final int TEXT_OID = PgTypes.TEXT.oid();
    static final int INT4_OID = 23;
    static final int INT8_OID = 20;
    static final int BOOL_OID = 16;
    static final int OID_OID = 26;
    static final int NAME_OID = 19;
    static final int FLOAT8_OID = 701;

    private Types() {
    }

    /** The type of this PostgreSQL name; {@code "char"} is the catalog's one-byte type. */
    static PgType of(String name) {
        if (name.equals("char")) {
            return CharType.INSTANCE;
        }
        PgType type = PgTypes.byName(name);
        if (type == null) {
            throw new IllegalStateException("type registry lacks " + name);
        }
        return type;
    }
}
