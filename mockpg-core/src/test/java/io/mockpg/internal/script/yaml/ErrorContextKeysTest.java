package io.mockpg.internal.script.yaml;

import static io.mockpg.internal.script.yaml.Yamls.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.internal.script.Response.ErrorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `error` keys for PostgreSQL's context, internal query and source location fields (docs/script-reference.md). */
class ErrorContextKeysTest {

    @Test
    void everyFieldIsRead() {
        ErrorSpec error = ScriptLoader.parse("t.yaml", """
                rules:
                  - match: { sql: SELECT 1 }
                    respond:
                      error:
                        code: 42P01
                        message: relation "nope" does not exist
                        where: PL/pgSQL function inline_code_block line 1 at EXECUTE
                        data_type: positive_int
                        internal_position: 15
                        internal_query: SELECT * FROM nope
                        file: parse_relation.c
                        line: 1392
                        routine: parserOpenTable
                """).rules().get(0).responses().get(0).error();
        assertEquals(List.of("PL/pgSQL function inline_code_block line 1 at EXECUTE", "positive_int", 15,
                        "SELECT * FROM nope", "parse_relation.c", 1392, "parserOpenTable"),
                List.of(error.where(), error.dataType(), error.internalPosition(), error.internalQuery(), error.file(),
                        error.line(), error.routine()));
    }

    @Test
    void aNoticeHasTheContextAndSourceLocationToo() {
        var notice = ScriptLoader.parse("t.yaml", """
                rules:
                  - match: { sql: SELECT 1 }
                    respond:
                      notices:
                        - { message: hi, where: "PL/pgSQL function inline_code_block line 1 at RAISE",
                            file: pl_exec.c, line: 3893, routine: exec_stmt_raise }
                """).rules().get(0).responses().get(0).notices().get(0);
        assertEquals(List.of("PL/pgSQL function inline_code_block line 1 at RAISE", "pl_exec.c", 3893,
                "exec_stmt_raise"), List.of(notice.where(), notice.file(), notice.line(), notice.routine()));
        assertEquals(List.of("t.yaml:4:32: 'line' counts lines from 1, found 0"),
                problems("rules:\n  - respond:\n      notices:\n        - { message: hi, line: 0 }\n"));
    }

    @Test
    void badValuesArePointedAt() {
        assertEquals(List.of(
                "t.yaml:6:15: 'line' must be a non-negative integer, found 'abc'",
                "t.yaml:7:28: 'internal_position' counts characters from 1, found 0",
                "t.yaml:8:15: 'file' must be a string, found a list",
                "t.yaml:9:18: 'routine' must be a string, found a mapping"), problems("""
                rules:
                  - respond:
                      error:
                        code: "42P01"
                        message: m
                        line: abc
                        internal_position: 0
                        file: [a]
                        routine: {r: 1}
                """));
    }
}
