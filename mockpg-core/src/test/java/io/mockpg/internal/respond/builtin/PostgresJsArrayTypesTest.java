package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static io.mockpg.internal.respond.builtin.BuiltinFixture.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The array-type query of the Node.js {@code postgres} package 3.4, as it sends it at connect. */
class PostgresJsArrayTypesTest {
    private static final String ARRAY_TYPES = """

                  select b.oid, b.typarray
                  from pg_catalog.pg_type a
                  left join pg_catalog.pg_type b on b.oid = a.typelem
                  where a.typcategory = 'A'
                  group by b.oid, b.typarray
                  order by b.oid
                """;

    private final BuiltinFixture.Client client = new BuiltinFixture().client();

    @Test
    void listsElementAndArrayOidsInOidOrder() {
        Answer answer = client.run(ARRAY_TYPES);
        assertEquals(List.of("oid:oid", "typarray:oid"), columns(answer));
        List<Object[]> rows = rows(answer);
        assertArrayEquals(new Object[] {16L, 1000L}, rows.get(0)); // bool, as PostgreSQL 15 lists it first
        assertTrue(rows.stream().anyMatch(row -> row[0].equals(23L) && row[1].equals(1007L)));
        assertTrue(rows.stream().anyMatch(row -> row[0].equals(3802L) && row[1].equals(3807L)));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue((Long) rows.get(i - 1)[0] < (Long) rows.get(i)[0]);
        }
    }
}
