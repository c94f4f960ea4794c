package io.mockpg.internal.types;

/**
 * One PostgreSQL data type: its OIDs and its text and binary encodings.
 *
 * <p>Java value representation (shared by every codec, the script loader and the engine):
 * bool → Boolean; int2 → Short; int4 → Integer; int8, oid → Long; float4 → Float;
 * float8 → Double; numeric → BigDecimal, or the String "NaN"/"Infinity"/"-Infinity";
 * text, varchar, bpchar, name, inet, json, jsonb → String (json/jsonb hold the JSON text);
 * bytea → byte[]; date → LocalDate; time → LocalTime; timetz → OffsetTime;
 * timestamp → LocalDateTime; timestamptz → OffsetDateTime (UTC); interval → PgInterval;
 * uuid → UUID; void → null; arrays → java.util.List of element values (null elements allowed).
 * SQL NULL is always Java null and is never passed to the encoders.
 */
public interface PgType {
    /** Canonical PostgreSQL name, e.g. "int4", "int4[]" for arrays. */
    String name();

    int oid();

    /** OID of the array type of this type; 0 for array types themselves. */
    int arrayOid();

    /** pg_type.typlen: fixed size in bytes, or -1 for variable length. */
    short typlen();

    /** The element type for an array type, else null. */
    PgType elementType();

    /** PostgreSQL's text output for a value (e.g. "t", "1.5", "{1,2}", "\\x0102"). */
    String toText(Object value);

    /** PostgreSQL's binary send format for a value. */
    byte[] toBinary(Object value);

    /** Parses PostgreSQL's text input form; IllegalArgumentException if it does not fit. */
    Object fromText(String text);

    /** Parses PostgreSQL's binary receive format; IllegalArgumentException if malformed. */
    Object fromBinary(byte[] bytes);

    /**
     * Converts a value loaded from YAML (String, Integer, Long, BigInteger, Double, Boolean,
     * byte[], java.util.Date, List, Map) to this type's Java value. Strings are read as the
     * PostgreSQL text form. IllegalArgumentException with a short reason if it does not fit.
     */
    Object fromYaml(Object yamlValue);
}
