package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.respond.builtin.Catalog.CatalogType;

import java.util.List;
import java.util.Map;

/** The catalog columns built-in queries can return: their PostgreSQL types and values for a pg_type row. */
final class CatalogColumns {
    /** What {@code SELECT *} from pg_type returns (regproc columns are sent as text). */
    static final List<String> PG_TYPE_STAR = List.of("oid", "typname", "typnamespace", "typowner", "typlen",
            "typbyval", "typtype", "typcategory", "typispreferred", "typisdefined", "typdelim", "typrelid", "typelem",
            "typarray", "typinput", "typoutput", "typreceive", "typsend", "typalign", "typstorage", "typnotnull",
            "typbasetype", "typtypmod", "typndims", "typcollation", "typdefault");

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("oid", "oid"), Map.entry("typname", "name"), Map.entry("typnamespace", "oid"),
            Map.entry("typowner", "oid"), Map.entry("typlen", "int2"), Map.entry("typbyval", "bool"),
            Map.entry("typtype", "char"), Map.entry("typcategory", "char"), Map.entry("typispreferred", "bool"),
            Map.entry("typisdefined", "bool"), Map.entry("typdelim", "char"), Map.entry("typrelid", "oid"),
            Map.entry("typelem", "oid"), Map.entry("typarray", "oid"), Map.entry("typalign", "char"),
            Map.entry("typstorage", "char"), Map.entry("typnotnull", "bool"), Map.entry("typbasetype", "oid"),
            Map.entry("typtypmod", "int4"), Map.entry("typndims", "int4"), Map.entry("typcollation", "oid"),
            Map.entry("nspname", "name"), Map.entry("elemtypoid", "oid"), Map.entry("attname", "name"),
            Map.entry("atttypid", "oid"), Map.entry("attnum", "int2"), Map.entry("relname", "name"),
            Map.entry("enumlabel", "name"), Map.entry("setting", "text"), Map.entry("name", "text"));

    private CatalogColumns() {
    }

    /** The PostgreSQL type name of a catalog column; text for what is not listed (regproc, defaults). */
    static String typeOf(String column) {
        return TYPES.getOrDefault(column, "text");
    }

    static boolean isKnown(String column) {
        return TYPES.containsKey(column) || PG_TYPE_STAR.contains(column);
    }

    /** The column's value for a type row (null where the built-in catalog has no value). */
    static Object value(String column, CatalogType type) {
        if (type == null) {
            return null;
        }
        return switch (column) {
            case "oid" -> (long) type.oid();
            case "typname" -> type.name();
            case "typnamespace" -> (long) Catalog.PG_CATALOG_OID;
            case "typowner" -> 10L;
            case "typlen" -> type.typlen();
            case "typbyval" -> type.typlen() > 0 && type.typlen() <= 8;
            case "typtype" -> String.valueOf(type.typtype());
            case "typcategory" -> String.valueOf(type.category());
            case "typispreferred", "typnotnull" -> false;
            case "typisdefined" -> true;
            case "typdelim" -> ",";
            case "typrelid", "typbasetype", "typcollation" -> 0L;
            case "typelem" -> (long) type.elemOid();
            case "typarray" -> (long) type.arrayOid();
            case "typinput" -> type.typinput();
            case "typtypmod" -> -1;
            case "typndims" -> 0;
            case "nspname" -> "pg_catalog";
            case "elemtypoid" -> type.isArray() ? (Object) (long) type.elemOid() : null;
            default -> null;
        };
    }
}
