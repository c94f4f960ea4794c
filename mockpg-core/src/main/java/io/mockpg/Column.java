package io.mockpg;

import java.util.Objects;

/**
 * A result column of a stubbed answer: its name and its PostgreSQL type name ({@code int4},
 * {@code text}, {@code numeric}, {@code timestamptz}, {@code jsonb}, {@code int4[]}, ... as in a
 * script's {@code columns}, docs/script-reference.md). Made by {@link MockPgDsl#column}.
 *
 * @param name the column's name
 * @param type the column's type name
 */
public record Column(String name, String type) {
    public Column {
        Objects.requireNonNull(name, "a column needs a name");
        Objects.requireNonNull(type, "a column needs a type, e.g. column(\"id\", \"int4\")");
    }
}
