package io.mockpg.e2e;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A column written with a type modifier reports it in RowDescription as PostgreSQL does, so
 * pgjdbc's metadata gives the declared precision, scale and length (docs/script-reference.md,
 * "Values and types").
 */
class TypeModifierE2eTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = MockPgServer.builder().scriptYaml("""
                rules:
                  - match: {sql: "SELECT price, code, changed FROM prices"}
                    respond:
                      columns: [{price: "numeric(10,2)"}, {code: "varchar(20)"}, {changed: "timestamptz(3)"}]
                      rows: [[19.90, A-1, "2024-03-01 10:00:00.123+00"]]
                """).start();
    }

    @ParameterizedTest
    @EnumSource(PgClients.Mode.class)
    void pgjdbcSeesTheDeclaredPrecisionScaleAndLength(PgClients.Mode mode) throws Exception {
        try (Connection connection = PgClients.connect(server, mode);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT price, code, changed FROM prices")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertEquals(10, meta.getPrecision(1));
            assertEquals(2, meta.getScale(1));
            assertEquals(20, meta.getPrecision(2));
            assertEquals(3, meta.getScale(3));
            rows.next();
            assertEquals(new BigDecimal("19.90"), rows.getBigDecimal(1));
            assertEquals("A-1", rows.getString(2));
        }
    }
}
