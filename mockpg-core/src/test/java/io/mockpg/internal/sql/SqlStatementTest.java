package io.mockpg.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

    private static String key(String sql) {
        return SqlStatement.parse(sql).shapeKey();
    }

    @Test
    void normalizesCaseWhitespaceCommentsAndTrailingSemicolon() {
        SqlStatement statement = SqlStatement.parse("  SELECT Id,\n\tName /* c */ FROM Users -- x\n WHERE id = $1 ;;");
        assertEquals("select id , name from users where id = $1", statement.normalized());
        assertEquals("select id , name from users where id = ?", statement.shapeKey());
        assertEquals("  SELECT Id,\n\tName /* c */ FROM Users -- x\n WHERE id = $1 ;;", statement.text());
    }

    @Test
    void quotedIdentifiersStayExactAndDistinct() {
        assertEquals("select * from \"Users\"", key("select * from \"Users\""));
        assertNotEquals(key("select * from \"Users\""), key("select * from users"));
        assertNotEquals(key("select * from \"users\""), key("select * from users"));
        assertEquals(key("SELECT * FROM USERS"), key("select * from users"));
    }

    @Test
    void literalsKeepTheirTextInNormalizedForm() {
        assertEquals("select 'A b' , e'\\'' , $$x;y$$ , - 7",
                SqlStatement.parse("SELECT 'A b', e'\\'', $$x;y$$, -7").normalized());
        assertEquals("select a <> b", SqlStatement.parse("select a != b").normalized());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t WHERE id = 42                  | select * from t where id = ?",
        "SELECT * FROM t WHERE id = $1                  | select * from t where id = ?",
        "SELECT * FROM t WHERE id = $1::int4            | select * from t where id = ?",
        "SELECT * FROM t WHERE id = ('7'::int4)         | select * from t where id = ?",
        "SELECT * FROM t WHERE id = (('7'::int4))       | select * from t where id = ?",
        "SELECT * FROM t WHERE id = -7                  | select * from t where id = ?",
        "SELECT * FROM t WHERE id=-7                    | select * from t where id = ?",
        "SELECT * FROM t WHERE x = 1e-3                 | select * from t where x = ?",
        "SELECT * FROM t WHERE x = E'\\''               | select * from t where x = ?",
        "SELECT * FROM t WHERE x = U&'d\\0061t\\+000061' | select * from t where x = ?",
        "SELECT * FROM t WHERE x = $$a;b$$              | select * from t where x = ?",
        "SELECT * FROM t WHERE x IS NULL                | select * from t where x is ?",
        "SELECT * FROM t WHERE flag = TRUE              | select * from t where flag = ?",
        "SELECT $1::double precision                    | select ?",
        "SELECT $1::timestamp(3) with time zone         | select ?",
        "SELECT '1'::character varying(10)[]            | select ?",
        "SELECT '1'::pg_catalog.int4                    | select ?",
        "SELECT '1 day'::interval day to second         | select ?",
        "SELECT $1::text::varchar                       | select ?",
        "SELECT a - 1 FROM t                            | select a - ? from t",
        "SELECT a -1 FROM t                             | select a - ? from t",
        "SELECT -1 FROM t                               | select ? from t",
        "SELECT f(1)                                    | select f ?",
        "SELECT * FROM t WHERE id IN (1)                | select * from t where id in ?",
        "SELECT * FROM t WHERE id IN ($1)               | select * from t where id in ?",
        "SELECT * FROM t WHERE id IN (1, $2)            | select * from t where id in ( ? , ? )",
        "INSERT INTO t VALUES ((1)::int, 'x')           | insert into t values ( ? , ? )",
        "SELECT x::int FROM t                           | select x :: int from t",
        "SELECT date '2024-01-01'                       | select date ?",
        "SELECT ARRAY[1, 2]                             | select array [ ? , ? ]",
        "SELECT $1 ::                                   | select ? ::",
    })
    void shapeKeys(String sql, String expected) {
        assertEquals(expected, key(sql));
    }

    @Test
    void maxPlaceholder() {
        assertEquals(0, SqlStatement.parse("select 1").maxPlaceholder());
        assertEquals(12, SqlStatement.parse("select $2, $12, $3").maxPlaceholder());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "select 1                                                        | SELECT | SELECT",
        "  insert into t values (1)                                      | INSERT | INSERT",
        "(SELECT 1) UNION (SELECT 2)                                     | SELECT | SELECT",
        "WITH x AS (SELECT 1) SELECT * FROM x                            | WITH   | SELECT",
        "with recursive x(n) as (select 1 union select n from x) delete from t | WITH | DELETE",
        "WITH a AS (UPDATE t SET v = 1 RETURNING *), b AS (SELECT 1) INSERT INTO l SELECT * FROM a | WITH | INSERT",
        "WITH a AS MATERIALIZED (SELECT 1) MERGE INTO t USING a ON true WHEN MATCHED THEN DELETE | WITH | MERGE",
        "begin isolation level serializable                              | BEGIN  | BEGIN",
        "/* hint */ UPDATE t SET x = 1                                   | UPDATE | UPDATE",
    })
    void verbs(String sql, String verb, String commandVerb) {
        SqlStatement statement = SqlStatement.parse(sql);
        assertEquals(verb, statement.verb());
        assertEquals(commandVerb, statement.commandVerb());
    }

    @Test
    void emptyAndCommentOnlyStatementsHaveNoVerb() {
        assertEquals("", SqlStatement.parse("").verb());
        assertEquals("", SqlStatement.parse("-- nothing").commandVerb());
        assertEquals("", SqlStatement.parse(";").shapeKey());
        assertEquals("", SqlStatement.parse("'x'").verb());
    }

    @Test
    void unterminatedInputIsParsedLeniently() {
        SqlStatement statement = SqlStatement.parse("SELECT 'abc");
        assertEquals("select ?", statement.shapeKey());
        assertEquals("SELECT", statement.verb());
        assertEquals("select", SqlStatement.parse("select /* open").shapeKey());
    }
}
