package io.mockpg.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndTrims() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.split("  SELECT 1 ;\n SELECT 2;  "));
    }

    @Test
    void singleStatementWithoutSemicolon() {
        assertEquals(List.of("select 1"), StatementSplitter.split("select 1"));
    }

    @Test
    void semicolonsInsideStringsDoNotSplit() {
        assertEquals(List.of("SELECT 'a;b'", "SELECT E'\\';'", "SELECT \"x;y\" FROM t"),
                StatementSplitter.split("SELECT 'a;b'; SELECT E'\\';'; SELECT \"x;y\" FROM t"));
    }

    @Test
    void semicolonsInsideDollarQuotesDoNotSplit() {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql";
        assertEquals(List.of(function, "SELECT f()"), StatementSplitter.split(function + ";SELECT f()"));
        assertEquals(List.of("DO $$ a; b $$"), StatementSplitter.split("DO $$ a; b $$;"));
    }

    @Test
    void semicolonsInsideCommentsDoNotSplitAndCommentsStay() {
        assertEquals(List.of("SELECT 1 /* a; /* b; */ c; */", "SELECT 2 -- x; y"),
                StatementSplitter.split("SELECT 1 /* a; /* b; */ c; */; SELECT 2 -- x; y"));
        assertEquals(List.of("-- lead\nSELECT 3"), StatementSplitter.split("-- lead\nSELECT 3;"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        assertEquals(List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY c)", "SELECT 1"),
                StatementSplitter.split(
                        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY c); SELECT 1"));
    }

    @Test
    void emptyAndCommentOnlyPartsAreDropped() {
        assertEquals(List.of(), StatementSplitter.split(""));
        assertEquals(List.of(), StatementSplitter.split("   "));
        assertEquals(List.of(), StatementSplitter.split("-- ping"));
        assertEquals(List.of(), StatementSplitter.split("/* a */ ; -- b\n ;;"));
        assertEquals(List.of("SELECT 1", "SELECT 2"), StatementSplitter.split(";; SELECT 1;;; /* x */; SELECT 2; -- end"));
    }

    @Test
    void asyncpgResetScript() {
        assertEquals(List.of("SELECT pg_advisory_unlock_all()", "CLOSE ALL", "UNLISTEN *", "RESET ALL"),
                StatementSplitter.split("SELECT pg_advisory_unlock_all();\nCLOSE ALL;\nUNLISTEN *;\nRESET ALL;"));
    }

    @Test
    void unterminatedStringRunsToTheEnd() {
        assertEquals(List.of("SELECT 1", "SELECT 'a; SELECT 2"), StatementSplitter.split("SELECT 1; SELECT 'a; SELECT 2"));
    }
}
