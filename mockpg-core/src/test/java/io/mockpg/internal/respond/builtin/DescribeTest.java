package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Description;
import io.mockpg.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mockpg.internal.respond.builtin.BuiltinFixture.columns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Describe-statement: parameter OIDs (client's, else natural) and columns or NoData. */
class DescribeTest {
    private final BuiltinFixture fixture = new BuiltinFixture();

    private Description describe(String sql, int... clientOids) {
        return fixture.builtins.describe(SqlStatement.parse(sql), clientOids);
    }

    @Test
    void commandsHaveNoData() {
        for (String sql : List.of("BEGIN", "COMMIT", "SET application_name = 'x'", "SAVEPOINT a", "DISCARD ALL",
                "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED")) {
            Description description = describe(sql);
            assertArrayEquals(new int[0], description.paramOids(), sql);
            assertNull(description.columns(), sql);
        }
    }

    @Test
    void rowReturningBuiltinsDescribeTheirColumns() {
        assertEquals(List.of("transaction_isolation:text"), columns(describe("SHOW TRANSACTION ISOLATION LEVEL").columns()));
        assertEquals(List.of("?column?:int4"), columns(describe("SELECT 1").columns()));
        assertEquals(List.of("version:text"), columns(describe("select version()").columns()));
    }

    @Test
    void naturalParameterTypes() {
        assertArrayEquals(new int[] {20}, describe("SELECT pg_try_advisory_xact_lock($1)").paramOids());
        assertArrayEquals(new int[] {23, 23}, describe("SELECT pg_try_advisory_lock($1, $2)").paramOids());
        assertArrayEquals(new int[] {25, 25, 16}, describe("SELECT set_config($1, $2, $3)").paramOids());
        assertArrayEquals(new int[] {25, 25, 16}, describe("SELECT set_config('search_path', $2, $3)").paramOids());
        assertArrayEquals(new int[] {26}, describe("select typtype::text, typbasetype from pg_type where oid=$1")
                .paramOids());
        assertArrayEquals(new int[] {19}, describe("SELECT COUNT(*) FROM pg_namespace WHERE nspname=$1").paramOids());
        assertArrayEquals(new int[] {25}, describe("SELECT setting FROM pg_settings WHERE name = $1").paramOids());
    }

    @Test
    void clientTypesWin() {
        assertArrayEquals(new int[] {1043, 25, 16}, describe("SELECT set_config($1, $2, $3)", 1043, 0, 0).paramOids());
    }

    @Test
    void otherStatementsAreNotBuiltIn() {
        assertNull(describe("SELECT id FROM users WHERE id = $1"));
    }
}
