package io.mockpg.internal.engine;

import io.mockpg.internal.types.PgType;

/** One RowDescription field. */
public record ResultColumn(String name, PgType type) {
}
