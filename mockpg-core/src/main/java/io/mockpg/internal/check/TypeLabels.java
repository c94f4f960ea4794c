package io.mockpg.internal.check;

import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;
import java.util.Map;

/**
 * How reports name a type the database gave by OID: mockpg's name for the types a script can
 * write (docs/script-reference.md), else the database's own name for it (an enum, a domain).
 */
final class TypeLabels {
    private final Map<Integer, String> databaseNames;

    /** @param databaseNames the database's names of the OIDs mockpg has no type for */
    TypeLabels(Map<Integer, String> databaseNames) {
        this.databaseNames = Map.copyOf(databaseNames);
    }

    String of(int oid) {
        PgType type = PgTypes.byOid(oid);
        if (type != null) {
            return type.name();
        }
        String name = databaseNames.get(oid);
        return name != null ? name : "a type with OID " + oid;
    }
}
