package io.mockpg.engine;

import io.mockpg.types.PgType;

/** One RowDescription field. */
public record ResultColumn(String name, PgType type) {
}
