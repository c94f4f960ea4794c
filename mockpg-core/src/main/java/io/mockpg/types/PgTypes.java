package io.mockpg.types;

/** The registry of supported types (SPEC §6), by name, alias and OID. */
public final class PgTypes {
    private PgTypes() {
    }

    /**
     * Looks a type up by PostgreSQL name or alias, case-insensitively: "int4", "integer", "int",
     * "varchar", "character varying", "varchar(20)", "char(3)", "bpchar", "timestamptz",
     * "timestamp with time zone", "int4[]", "_int4", "integer[]", "bool", "boolean", ...
     * Returns null when unknown.
     */
    public static PgType byName(String name) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The type with this OID (element or array), or null. */
    public static PgType byOid(int oid) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
