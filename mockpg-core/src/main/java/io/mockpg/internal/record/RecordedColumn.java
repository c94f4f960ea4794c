package io.mockpg.internal.record;

/**
 * A result column as a script writes it.
 *
 * @param name    the column name
 * @param type    the script's type name (docs/script-reference.md, "Types")
 * @param comment why the type is not the upstream's (a type scripts cannot express, written as text), or null
 */
record RecordedColumn(String name, String type, String comment) {
}
