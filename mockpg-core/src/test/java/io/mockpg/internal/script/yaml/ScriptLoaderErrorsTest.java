package io.mockpg.internal.script.yaml;

import static io.mockpg.internal.script.yaml.Yamls.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of script problem, with its exact position and message. */
class ScriptLoaderErrorsTest {

    @Test
    void unknownTopLevelKeyWithSuggestion() {
        assertEquals(List.of("t.yaml:1:1: unknown key 'rule' in the script; did you mean 'rules'?"),
                problems("rule: []\n"));
    }

    @Test
    void unknownKeyWithoutCloseMatchListsTheKnownOnes() {
        assertEquals(List.of("t.yaml:2:1: unknown key 'zebra' in the script; expected one of: server, unmatched,"
                + " builtins, rules"), problems("rules: []\nzebra: 1\n"));
    }

    @Test
    void unknownKeysAtEveryLevel() {
        String yaml = """
                server:
                  verison: "16"
                rules:
                  - id: a
                    mathc: {sql: SELECT 1}
                    respond:
                      tga: X
                      error: {code: "42000", mesage: boom}
                """;
        assertEquals(List.of(
                "t.yaml:2:3: unknown key 'verison' in server; did you mean 'version'?",
                "t.yaml:5:5: unknown key 'mathc' in rule; did you mean 'match'?",
                "t.yaml:7:7: unknown key 'tga' in respond; did you mean 'tag'?",
                "t.yaml:8:14: error requires 'message'",
                "t.yaml:8:30: unknown key 'mesage' in error; did you mean 'message'?"), problems(yaml));
    }

    @Test
    void commonPrefixSuggestion() {
        assertEquals(List.of("t.yaml:2:5: unknown key 'next' in rule; did you mean 'next_state'?"),
                problems("rules:\n  - next: b\n    scenario: s\n"));
    }

    @Test
    void wrongValueTypes() {
        String yaml = """
                builtins: maybe
                rules:
                  - times: abc
                    respond:
                      columns: [{a: text}]
                      rows: {a: 1}
                      repeat: -1
                      copy: 1
                """;
        assertEquals(List.of(
                "t.yaml:1:11: 'builtins' must be true or false, found 'maybe'",
                "t.yaml:3:12: 'times' must be a non-negative integer, found 'abc'",
                "t.yaml:6:13: 'rows' must be a list, found a mapping",
                "t.yaml:7:15: 'repeat' must be a non-negative integer, found '-1'",
                "t.yaml:8:13: 'copy' must be true or false, found '1'"), problems(yaml));
    }

    @Test
    void rulesMustBeAListOfMappings() {
        assertEquals(List.of("t.yaml:1:8: 'rules' must be a list, found 'yes'"), problems("rules: yes\n"));
        assertEquals(List.of("t.yaml:2:5: rule must be a mapping, found 'SELECT 1'"),
                problems("rules:\n  - SELECT 1\n"));
        assertEquals(List.of("t.yaml:1:1: the script must be a mapping, found a list"), problems("- a\n- b\n"));
    }

    @Test
    void rowLengthDiffersFromColumns() {
        String yaml = """
                rules:
                  - respond:
                      columns: [{a: text}, {b: text}]
                      rows:
                        - [x, y]
                        - [x]
                        - [x, y, z]
                        - x
                """;
        assertEquals(List.of(
                "t.yaml:6:11: row has 1 value but 2 columns are declared",
                "t.yaml:7:11: row has 3 values but 2 columns are declared",
                "t.yaml:8:11: a row must be a list of values, found 'x'"), problems(yaml));
    }

    @Test
    void rowsWithoutColumns() {
        assertEquals(List.of("t.yaml:3:7: 'rows' requires 'columns'"),
                problems("rules:\n  - respond:\n      rows: [[1]]\n"));
    }

    @Test
    void malformedColumns() {
        String yaml = """
                rules:
                  - respond:
                      columns: [{a: text, b: int4}, plain]
                """;
        assertEquals(List.of(
                "t.yaml:3:17: a column must be a one-key mapping 'name: type', found a mapping with 2 keys",
                "t.yaml:3:37: a column must be a one-key mapping 'name: type', found 'plain'"), problems(yaml));
    }

    @Test
    void invalidRegexInMatchAndParams() {
        String yaml = """
                rules:
                  - match:
                      regex: "SELECT (unclosed"
                      params: [{regex: "[a-"}]
                """;
        assertEquals(List.of(
                "t.yaml:3:14: invalid regex: Unclosed group near index 16",
                "t.yaml:4:24: invalid regex: Illegal character range near index 3"), problems(yaml));
    }

    @Test
    void errorMixedWithRowsOrColumnsIsReportedAtTheLaterKey() {
        String yaml = """
                rules:
                  - respond:
                      columns: [{a: text}]
                      error: {code: "42000", message: boom}
                  - respond:
                      error: {code: "42000", message: boom}
                      columns: [{a: text}]
                      rows: [[x]]
                """;
        assertEquals(List.of(
                "t.yaml:4:7: 'error' cannot be combined with 'columns' in one response",
                "t.yaml:7:7: 'error' cannot be combined with 'columns' in one response",
                "t.yaml:8:7: 'error' cannot be combined with 'rows' in one response"), problems(yaml));
    }

    @Test
    void sqlTogetherWithRegex() {
        assertEquals(List.of("t.yaml:4:7: 'sql' and 'regex' cannot both be given in one match"),
                problems("rules:\n  - match:\n      regex: x\n      sql: SELECT 1\n"));
    }

    @Test
    void duplicateRuleIdIsReportedAtTheSecond() {
        assertEquals(List.of("t.yaml:3:9: duplicate rule id 'a' (first used at line 2)"),
                problems("rules:\n  - id: a\n  - id: a\n  - id: b\n"));
    }

    @Test
    void duplicateKey() {
        assertEquals(List.of("t.yaml:3:3: duplicate key 'id'"), problems("rules:\n- id: a\n  id: b\n"));
    }

    @Test
    void delayFormats() {
        String yaml = """
                rules:
                  - respond: {delay: 250}
                  - respond: {delay: 2 sec}
                  - respond: {delay: 1.5s}
                """;
        String expected = ": expected a number and a unit ms, s or m, e.g. 250ms, 2s, 1.5s, 1m";
        assertEquals(List.of("t.yaml:2:22: invalid delay '250'" + expected,
                "t.yaml:3:22: invalid delay '2 sec'" + expected), problems(yaml));
    }

    @Test
    void faultShapes() {
        String yaml = """
                rules:
                  - respond: {fault: explode}
                  - respond: {fault: {type: close, after_rows: x}}
                  - respond: {fault: {after_rows: 1}}
                  - respond: {fault: [close]}
                """;
        String format = ": expected close, reset or {type: close|reset, after_rows: N}";
        assertEquals(List.of("t.yaml:2:22: invalid fault 'explode'" + format,
                "t.yaml:3:48: 'after_rows' must be a non-negative integer, found 'x'",
                "t.yaml:4:22: fault requires 'type'",
                "t.yaml:5:22: fault must be a mapping, found a list"), problems(yaml));
    }

    @Test
    void errorCodeAndSeverity() {
        String yaml = """
                rules:
                  - respond:
                      error: {code: 2350, message: x, severity: WARNING}
                  - respond:
                      error: {code: "ab123", message: x}
                  - respond:
                      notices: [{code: "00000"}]
                """;
        assertEquals(List.of(
                "t.yaml:3:21: 'code' must be a SQLSTATE of 5 characters 0-9 or A-Z, found '2350'",
                "t.yaml:3:49: error severity must be ERROR or FATAL, found 'WARNING'",
                "t.yaml:5:21: 'code' must be a SQLSTATE of 5 characters 0-9 or A-Z, found 'ab123'",
                "t.yaml:7:17: notice requires 'message'"), problems(yaml));
    }

    @Test
    void serverSettings() {
        String yaml = """
                server:
                  auth: {method: kerberos}
                  tls: maybe
                  databases: shop
                unmatched: ignore
                """;
        assertEquals(List.of(
                "t.yaml:2:18: auth method must be one of trust, password, md5, scram-sha-256, found 'kerberos'",
                "t.yaml:3:8: tls must be off, self-signed or {cert: FILE, key: FILE}, found 'maybe'",
                "t.yaml:4:14: 'databases' must be a list, found 'shop'",
                "t.yaml:5:12: 'unmatched' must be error or empty, found 'ignore'"), problems(yaml));
    }

    @Test
    void tlsFilesNeedCertAndKey() {
        assertEquals(List.of("t.yaml:2:8: tls requires 'key'"), problems("server:\n  tls: {cert: c.pem}\n"));
    }

    @Test
    void stateWithoutScenario() {
        String yaml = """
                rules:
                  - state: Started
                    next_state: done
                """;
        assertEquals(List.of("t.yaml:2:5: 'state' requires 'scenario'", "t.yaml:3:5: 'next_state' requires 'scenario'"),
                problems(yaml));
    }

    @Test
    void respondMustBeAMappingOrNonEmptyList() {
        assertEquals(List.of("t.yaml:2:14: 'respond' must be a mapping or a non-empty list of mappings, found an empty"
                + " list"), problems("rules:\n  - respond: []\n"));
        assertEquals(List.of("t.yaml:2:15: respond must be a mapping, found 'x'"),
                problems("rules:\n  - respond: [x]\n"));
    }

    @Test
    void paramsEntries() {
        String yaml = """
                rules:
                  - match:
                      params: [{any: false}, {regex: a, any: true}, [1]]
                """;
        assertEquals(List.of(
                "t.yaml:3:22: 'any' must be true (leave the entry as {any: true} or give a value)",
                "t.yaml:3:30: a params entry must be a value, {regex: R} or {any: true}",
                "t.yaml:3:53: a params entry must be a mapping, found a list"), problems(yaml));
    }

    @Test
    void yamlSyntaxErrorAtItsMark() {
        assertEquals(List.of("t.yaml:2:7: expected ',' or ']', but got <stream end> (while parsing a flow sequence at"
                + " line 1, column 8)"), problems("rules: [1,\n  b: c"));
    }

    @Test
    void customTagsAreRefused() {
        assertEquals(List.of("t.yaml:2:12: unsupported tag '!shell'"), problems("server:\n  version: !shell rm\n"));
        assertEquals(List.of("t.yaml:1:8: Global tag is not allowed: tag:yaml.org,2002:java.io.File"),
                problems("rules: !!java.io.File /tmp\n"));
    }

    @Test
    void moreThanOneDocument() {
        assertEquals(List.of("t.yaml:2:1: but found another document (expected a single document in the stream at"
                + " line 1, column 1)"), problems("rules: []\n---\nrules: []\n"));
    }

    @Test
    void severalProblemsAreReportedTogetherInFileOrder() {
        String yaml = """
                unmatched: never
                rules:
                  - id: x
                    times: many
                  - id: x
                    respond: {delay: soon, fault: boom}
                """;
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLoader.parse("s.yaml", yaml));
        List<String> expected = List.of(
                "s.yaml:1:12: 'unmatched' must be error or empty, found 'never'",
                "s.yaml:4:12: 'times' must be a non-negative integer, found 'many'",
                "s.yaml:5:9: duplicate rule id 'x' (first used at line 3)",
                "s.yaml:6:22: invalid delay 'soon': expected a number and a unit ms, s or m, e.g. 250ms, 2s, 1.5s, 1m",
                "s.yaml:6:35: invalid fault 'boom': expected close, reset or {type: close|reset, after_rows: N}");
        assertEquals(expected, e.problems());
        assertEquals(String.join("\n", expected), e.getMessage());
        assertEquals(expected.stream().map(p -> p.substring("s.yaml:".length())).toList(), e.problemsWithoutSource());
    }

    @Test
    void missingFileAndResource() {
        ScriptException file = assertThrows(ScriptException.class, () -> ScriptLoader.load("no/such/file.yaml"));
        assertEquals(List.of("no/such/file.yaml:1:1: file not found"), file.problems());
        ScriptException resource = assertThrows(ScriptException.class, () -> ScriptLoader.load("classpath:nope.yaml"));
        assertEquals(List.of("classpath:nope.yaml:1:1: class path resource not found"), resource.problems());
    }
}
