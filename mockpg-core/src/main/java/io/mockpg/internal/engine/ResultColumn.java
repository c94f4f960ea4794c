package io.mockpg.internal.engine;

import io.mockpg.internal.types.PgType;

/**
 * One RowDescription field.
 *
 * @param typmod the type modifier (docs/script-reference.md, "Values and types": {@code numeric(10,2)}, …), -1 for none
 */
public record ResultColumn(String name, PgType type, int typmod) {
    /** A column without a type modifier. */
    public ResultColumn(String name, PgType type) {
        this(name, type, -1);
    }
}
