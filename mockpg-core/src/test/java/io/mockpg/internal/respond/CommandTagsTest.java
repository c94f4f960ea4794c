package io.mockpg.internal.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.internal.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class CommandTagsTest {
    private static String tag(String sql, long count) {
        return CommandTags.tag(SqlStatement.parse(sql), count);
    }

    @Test
    void countingVerbs() {
        assertEquals("INSERT 0 3", tag("INSERT INTO t VALUES (1), (2), (3)", 3));
        assertEquals("UPDATE 2", tag("update t set a = 1", 2));
        assertEquals("DELETE 0", tag("DELETE FROM t", 0));
        assertEquals("MERGE 1", tag("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", 1));
        assertEquals("SELECT 5", tag("SELECT * FROM t", 5));
        assertEquals("FETCH 10", tag("FETCH 10 FROM c", 10));
        assertEquals("MOVE 1", tag("MOVE NEXT IN c", 1));
        assertEquals("COPY 4", tag("COPY t FROM STDIN", 4));
        assertEquals("SELECT 2", tag("VALUES (1), (2)", 2));
        assertEquals("SELECT 1", tag("TABLE users", 1));
        assertEquals("INSERT 0 1", tag("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", 1));
        assertEquals("SELECT 7", tag("CREATE TABLE t2 AS SELECT * FROM t", 7));
    }

    @Test
    void commandWords() {
        assertEquals("CREATE TABLE", tag("create table if not exists t (id int)", 0));
        assertEquals("CREATE TABLE", tag("CREATE TEMP TABLE t (id int)", 0));
        assertEquals("CREATE INDEX", tag("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)", 0));
        assertEquals("CREATE FUNCTION", tag("CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql", 0));
        assertEquals("CREATE MATERIALIZED VIEW", tag("CREATE MATERIALIZED VIEW v AS SELECT 1", 0));
        assertEquals("DROP TABLE", tag("DROP TABLE IF EXISTS t", 0));
        assertEquals("ALTER TABLE", tag("ALTER TABLE t ADD COLUMN b int", 0));
        assertEquals("BEGIN", tag("begin", 0));
        assertEquals("START TRANSACTION", tag("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", 0));
        assertEquals("COMMIT", tag("END", 0));
        assertEquals("ROLLBACK", tag("ABORT", 0));
        assertEquals("SET", tag("SET search_path TO public", 0));
        assertEquals("DISCARD ALL", tag("DISCARD ALL", 0));
        assertEquals("TRUNCATE TABLE", tag("TRUNCATE t", 0));
        assertEquals("DECLARE CURSOR", tag("DECLARE c CURSOR FOR SELECT 1", 0));
        assertEquals("GRANT", tag("GRANT SELECT ON t TO bob", 0));
        assertEquals("CALL", tag("CALL p()", 0));
    }
}
