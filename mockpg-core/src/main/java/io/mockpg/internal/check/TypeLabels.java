package io.mockpg.internal.check;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

/** How reports name a type the database gave by OID. */
final class TypeLabels {
    private TypeLabels() {
    }

    static String of(int oid) {
        PgType type = PgTypes.byOid(oid);
        return type != null ? type.name() : "a type with OID " + oid;
    }
}
