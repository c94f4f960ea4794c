package io.mockpg.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.ScriptCheckReport;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.testing.RealPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The check against the real PostgreSQL: a clean script, then one drift of each kind, each
 * reported once at the place in the script that makes the claim.
 */
class ScriptCheckerTest {

    static ScriptCheckReport check(String yaml) {
        try (SchemaProbe probe = UpstreamProbes.open(CheckSchema.url())) {
            return ScriptChecker.check(List.of(ScriptLoader.parseLocated("s.yaml", yaml)), probe);
        }
    }

    /** The one drift of a one-rule script whose rule's sql is on line 4 and whose respond follows. */
    static String onlyDrift(String match, String respond) {
        ScriptCheckReport report = check("rules:\n  - id: r\n    match:\n" + match + "    respond:\n" + respond);
        assertEquals(1, report.drifts().size(), report::toString);
        assertEquals("1 rules checked, 1 drifted, 0 not checked", report.summary());
        return report.drifts().get(0).toString();
    }

    @Test
    void aScriptThatMatchesTheSchemaHasNoDrift() {
        ScriptCheckReport report = check("""
                rules:
                  - id: customer-by-id
                    match:
                      sql: SELECT id, name, email FROM customers WHERE id = $1
                      params: [42]
                    respond:
                      columns: [{id: int4}, {name: text}, {email: varchar}]
                  - id: new-order
                    match:
                      sql: INSERT INTO orders (id, customer_id, amount) VALUES ($1, $2, $3) RETURNING id
                      params: [7, "42", 19.90]
                    respond:
                      - error: {code: "40001", message: could not serialize access}
                      - columns: [{id: int8}]
                  - id: rename
                    match:
                      sql: UPDATE customers SET name = $1 WHERE id = $2
                      params: [{any: true}, null]
                    respond:
                      affected: 1
                  - id: by-regex
                    match:
                      regex: ^SELECT
                  - respond: {tag: SELECT 0}
                  - match:
                      sql: COPY customers (id, name) TO STDOUT
                    respond: {copy: true, columns: [{id: int4}], rows: [[1]]}
                """);
        assertEquals(List.of(), report.drifts());
        assertEquals("4 rules checked, 0 drifted, 2 not checked", report.summary());
        assertEquals("s.yaml:21:5: rule by-regex: not checked: it matches by regex", report.notChecked().get(0).toString());
        assertEquals("s.yaml:24:5: rule s.yaml#5: not checked: it has no match.sql",
                report.notChecked().get(1).toString());
    }

    @Test
    void aRenamedColumnIsReportedAtItsEntry() {
        assertEquals("s.yaml:8:11: rule r: column 2 is 'name' in the database, not 'full_name'", onlyDrift("""
                      sql: SELECT * FROM customers
                """, """
                      columns:
                        - id: int4
                        - full_name: text
                        - email: varchar
                        - created_at: timestamptz
                """));
    }

    @Test
    void aColumnTheSqlNamesThatIsGoneIsRejectedAtTheSql() {
        assertEquals("s.yaml:4:12: rule r: the database rejects the SQL: 42703 column \"full_name\" does not exist",
                onlyDrift("""
                      sql: SELECT id, full_name FROM customers
                """, """
                      columns: [{id: int4}, {full_name: text}]
                """));
    }

    @Test
    void reorderedColumnsAreReportedOnceAtTheFirstOutOfPlace() {
        assertEquals("s.yaml:8:11: rule r: the columns are in another order in the database: id, name, email,"
                + " created_at", onlyDrift("""
                      sql: SELECT * FROM customers
                """, """
                      columns:
                        - id: int4
                        - email: varchar
                        - name: text
                        - created_at: timestamptz
                """));
    }

    @Test
    void aChangedTypeIsReportedAtTheColumn() {
        assertEquals("s.yaml:8:11: rule r: column 'email' is varchar in the database, not text", onlyDrift("""
                      sql: SELECT id, email FROM customers
                """, """
                      columns:
                        - id: int4
                        - email: text
                """));
    }

    @Test
    void aTypeNoScriptCanWriteIsTextAndOtherwiseNamedAsTheDatabaseNamesIt() {
        assertEquals(List.of(), check("""
                rules:
                  - match: {sql: SELECT status FROM orders}
                    respond: {columns: [{status: text}]}
                """).drifts());
        assertEquals("s.yaml:8:11: rule r: column 'status' is order_status in the database, not int4", onlyDrift("""
                      sql: SELECT id, status FROM orders
                """, """
                      columns:
                        - id: int8
                        - status: int4
                """));
    }

    @Test
    void aDroppedTableIsRejectedAtTheSql() {
        assertEquals("s.yaml:4:12: rule r: the database rejects the SQL: 42P01 relation \"invoices\" does not exist",
                onlyDrift("""
                      sql: SELECT id FROM invoices
                """, """
                      columns: [{id: int4}]
                """));
    }

    @Test
    void aWrongParameterCountIsReportedAtParams() {
        assertEquals("s.yaml:5:15: rule r: params gives 2 values but the statement has 1 parameter", onlyDrift("""
                      sql: SELECT id FROM customers WHERE id = $1
                      params: [42, 7]
                """, """
                      columns: [{id: int4}]
                """));
    }

    @Test
    void aParamsValueInvalidForItsTypeIsReportedAtTheValue() {
        assertEquals("s.yaml:5:19: rule r: params value \"abc\" is not valid for $2 of type int4: invalid input"
                + " syntax for type integer: \"abc\"", onlyDrift("""
                      sql: SELECT id FROM customers WHERE name = $1 AND id = $2
                      params: [x, abc]
                """, """
                      columns: [{id: int4}]
                """));
    }

    @Test
    void columnsForAStatementThatReturnsNoRowsAreDrift() {
        assertEquals("s.yaml:4:12: rule r: the statement returns no rows but the rule answers with columns",
                onlyDrift("""
                      sql: UPDATE customers SET name = 'x' WHERE id = 1
                """, """
                      columns: [{id: int4}]
                """));
    }

    @Test
    void noColumnsForAStatementThatReturnsRowsAreDrift() {
        assertEquals("s.yaml:4:12: rule r: the statement returns rows (id int4, name text) but the rule answers"
                + " without columns", onlyDrift("""
                      sql: SELECT id, name FROM customers
                """, """
                      affected: 1
                """));
    }

    @Test
    void aSyntaxErrorIsRejectedAtTheSql() {
        assertEquals("s.yaml:4:12: rule r: the database rejects the SQL: 42601 syntax error at or near \"SELEC\"",
                onlyDrift("""
                      sql: SELEC id FROM customers
                """, """
                      columns: [{id: int4}]
                """));
    }

    @Test
    void aBadRuleDoesNotFailTheRulesPipelinedAfterIt() {
        ScriptCheckReport report = check("""
                rules:
                  - {id: a, match: {sql: SELECT nope FROM customers}, respond: {columns: [{nope: int4}]}}
                  - {id: b, match: {sql: SELECT id FROM customers}, respond: {columns: [{id: int4}]}}
                  - {id: c, match: {sql: SELECT id FROM invoices}, respond: {columns: [{id: int4}]}}
                  - {id: d, match: {sql: SELECT name FROM customers}, respond: {columns: [{name: text}]}}
                """);
        assertEquals(List.of("a", "c"), report.drifts().stream().map(ScriptCheckReport.Drift::rule).toList());
        assertEquals("4 rules checked, 2 drifted, 0 not checked", report.summary());
    }

    @Test
    void nothingIsExecuted() throws SQLException {
        ScriptCheckReport report = check("""
                rules:
                  - match: {sql: "INSERT INTO customers (id, name, email) VALUES (990001, 'x', 'x@example.com')"}
                  - match: {sql: DROP TABLE orders}
                  - match: {sql: "CREATE TABLE check_made_this (id int4)"}
                  - match: {sql: TRUNCATE customers CASCADE}
                """);
        assertEquals("4 rules checked, 0 drifted, 0 not checked", report.summary(), report::toString);
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM customers WHERE id = 990001),"
                     + " to_regclass('orders') IS NOT NULL, to_regclass('check_made_this') IS NULL")) {
            rows.next();
            assertEquals(0, rows.getInt(1));
            assertEquals(true, rows.getBoolean(2));
            assertEquals(true, rows.getBoolean(3));
        }
    }

    @Test
    void aParseThatWaitsForALockGivesUpAfterTheLockTimeout() throws SQLException {
        try (Connection migration = connect(); Statement statement = migration.createStatement()) {
            migration.setAutoCommit(false);
            statement.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE"); // as an ALTER TABLE would
            long start = System.nanoTime();
            ScriptCheckReport report = check("""
                    rules:
                      - {id: blocked, match: {sql: SELECT id FROM orders}, respond: {columns: [{id: int8}]}}
                      - {id: free, match: {sql: SELECT id FROM customers}, respond: {columns: [{id: int4}]}}
                    """);
            long millis = (System.nanoTime() - start) / 1_000_000;
            migration.rollback();
            assertEquals(List.of("s.yaml:2:32: rule blocked: the database gave up describing the SQL: 55P03 canceling statement"
                    + " due to lock timeout"), report.drifts().stream().map(Object::toString).toList());
            assertEquals(true, millis < 5_000, "took " + millis + " ms");
        }
    }

    private static Connection connect() throws SQLException {
        CheckSchema.url();
        Properties properties = new Properties();
        properties.setProperty("user", "app");
        properties.setProperty("password", "app-secret");
        String jdbc = RealPostgres.jdbcUrl();
        return DriverManager.getConnection(jdbc.substring(0, jdbc.lastIndexOf('/') + 1) + "checkdb", properties);
    }
}
