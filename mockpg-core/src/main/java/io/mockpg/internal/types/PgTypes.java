package io.mockpg.internal.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registry of supported types (docs/script-reference.md, "Values and types"), by name, alias and OID. */
public final class PgTypes {
    public static final PgType BOOL = new BoolType();
    public static final PgType INT2 = IntType.int2();
    public static final PgType INT4 = IntType.int4();
    public static final PgType INT8 = IntType.int8();
    public static final PgType FLOAT4 = FloatType.float4();
    public static final PgType FLOAT8 = FloatType.float8();
    public static final PgType NUMERIC = new NumericType();
    public static final PgType TEXT = new StringType("text", "text", 25, 1009, -1);
    public static final PgType VARCHAR = new StringType("varchar", "character varying", 1043, 1015, -1);
    public static final PgType BPCHAR = new StringType("bpchar", "character", 1042, 1014, -1);
    public static final PgType NAME = new StringType("name", "name", 19, 1003, 64);
    /** The single-byte internal type "char" (OID 18), not char(n). */
    public static final PgType CHAR = new StringType("\"char\"", "\"char\"", 18, 1002, 1);
    /** The type of untyped literals and of parameters whose type the client left open. */
    public static final PgType UNKNOWN = new StringType("unknown", "unknown", 705, 0, -2);
    public static final PgType BYTEA = new ByteaType();
    public static final PgType DATE = new DateType();
    public static final PgType TIME = new TimeType();
    public static final PgType TIMETZ = new TimeTzType();
    public static final PgType TIMESTAMP = new TimestampType();
    public static final PgType TIMESTAMPTZ = new TimestampTzType();
    public static final PgType INTERVAL = new IntervalType();
    public static final PgType UUID = new UuidType();
    public static final PgType JSON = JsonType.json();
    public static final PgType JSONB = JsonType.jsonb();
    public static final PgType OID = IntType.oidType();
    public static final PgType INET = new InetType();
    public static final PgType VOID = new VoidType();

    private static final Map<String, PgType> BY_NAME = new HashMap<>();
    private static final Map<Integer, PgType> BY_OID = new HashMap<>();
    private static final Map<PgType, PgType> ARRAYS = new HashMap<>();
    private static final List<PgType> ALL = new ArrayList<>();

    static {
        register(BOOL, "boolean");
        register(INT2, "smallint");
        register(INT4, "integer", "int");
        register(INT8, "bigint");
        register(FLOAT4, "real");
        register(FLOAT8, "double precision", "float");
        register(NUMERIC, "decimal");
        register(TEXT);
        register(VARCHAR, "character varying");
        register(BPCHAR, "char", "character");
        register(NAME);
        register(CHAR);
        register(UNKNOWN);
        register(BYTEA);
        register(DATE);
        register(TIME, "time without time zone");
        register(TIMETZ, "time with time zone");
        register(TIMESTAMP, "timestamp without time zone");
        register(TIMESTAMPTZ, "timestamp with time zone");
        register(INTERVAL);
        register(UUID);
        register(JSON);
        register(JSONB);
        register(OID);
        register(INET);
        register(VOID);
    }

    private PgTypes() {
    }

    private static void register(PgType type, String... aliases) {
        ALL.add(type);
        BY_OID.put(type.oid(), type);
        BY_NAME.put(type.name(), type);
        for (String alias : aliases) {
            BY_NAME.put(alias, type);
        }
        if (type.arrayOid() != 0) {
            PgType array = new ArrayType((AbstractType) type);
            ALL.add(array);
            ARRAYS.put(type, array);
            BY_OID.put(array.oid(), array);
        }
    }

    /**
     * Looks a type up by PostgreSQL name or alias, case-insensitively: "int4", "integer", "int",
     * "varchar", "character varying", "varchar(20)", "char(3)", "bpchar", "timestamptz",
     * "timestamp with time zone", "int4[]", "_int4", "integer[]", "bool", "boolean", ...
     * Type modifiers such as (10,2) are ignored. Returns null when unknown.
     */
    public static PgType byName(String name) {
        if (name == null) {
            return null;
        }
        // most names are written as registered (int8, text): no normalizing for those
        PgType exact = BY_NAME.get(name);
        if (exact != null) {
            return exact;
        }
        String key = TypeNames.normalize(name);
        boolean array = false;
        if (key.endsWith("]")) {
            int open = key.lastIndexOf('[');
            if (open < 0) {
                return null;
            }
            key = key.substring(0, open).trim();
            array = true;
        } else if (key.startsWith("_")) {
            key = key.substring(1);
            array = true;
        }
        PgType element = BY_NAME.get(key);
        if (element == null || !array) {
            return element;
        }
        return ARRAYS.get(element);
    }

    /** The type with this OID (element or array), or null. */
    public static PgType byOid(int oid) {
        return BY_OID.get(oid);
    }

    /** The one-dimensional array type of an element type, or null (void, unknown, arrays). */
    public static PgType arrayOf(PgType element) {
        return ARRAYS.get(element);
    }

    /** Every supported type: each element type followed by its array type. */
    public static List<PgType> all() {
        return Collections.unmodifiableList(ALL);
    }
}
