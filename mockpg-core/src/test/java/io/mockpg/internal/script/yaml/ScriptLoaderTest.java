package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.AuthConfig;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Response.Column;
import io.mockpg.internal.script.Response.ErrorSpec;
import io.mockpg.internal.script.Response.FaultSpec;
import io.mockpg.internal.script.Response.FaultType;
import io.mockpg.internal.script.Response.NoticeSpec;
import io.mockpg.internal.script.Response.NotifySpec;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.script.TlsConfig;
import io.mockpg.internal.script.UnmatchedMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid scripts load into the expected model records. */
class ScriptLoaderTest {

    private static final String FULL = """
            server:
              version: 16.4
              parameters:
                TimeZone: UTC
                integer_datetimes: on
                max_connections: 100
              auth:
                method: md5
                users: {app: s3cret, admin: 12345}
              databases: [shop, audit]
              tls: {cert: server.crt, key: server.key}
            unmatched: empty
            builtins: false
            rules:
              - id: user-by-id
                match:
                  sql: SELECT id, name FROM users WHERE id = $1
                  params: ["7", 42, 1.5, true, null, {regex: "^a"}, {any: true}]
                  param_types: [int4]
                  user: app
                  database: shop
                times: 3
                scenario: signup
                state: Started
                next_state: done
                respond:
                  columns:
                    - id: int4
                    - name: text
                  rows:
                    - [42, Alice]
                  repeat: 2
                  tag: SELECT 2
                  affected: 2
                  notices:
                    - {message: careful}
                    - {severity: WARNING, code: "01000", message: warned, detail: d, hint: h}
                  delay: 1.5s
                  fault: {type: reset, after_rows: 1}
                  notify:
                    - {channel: users, payload: "{{$1}}"}
                    - {channel: bare}
              - match:
                  regex: "(?i)^delete"
                respond:
                  - error:
                      code: "40001"
                      message: could not serialize
                      severity: FATAL
                      detail: d
                      hint: h
                      schema: public
                      table: users
                      column: id
                      constraint: users_pkey
                      position: 8
                  - {affected: 1, copy: true, delay: 250ms, fault: close}
              - id: catch-all
            """;

    @Test
    void fullScriptLoadsIntoTheModel() {
        Script script = ScriptLoader.parse("full.yaml", FULL);
        assertEquals("full.yaml", script.source());
        assertEquals(UnmatchedMode.EMPTY, script.unmatched());
        assertFalse(script.builtins());

        ServerConfig server = script.server();
        assertEquals("16.4", server.version());
        assertEquals(Map.of("TimeZone", "UTC", "integer_datetimes", "on", "max_connections", "100"),
                server.parameters());
        assertEquals(List.of("TimeZone", "integer_datetimes", "max_connections"),
                List.copyOf(server.parameters().keySet()), "parameters keep their order");
        assertEquals(new AuthConfig(AuthConfig.AuthMethod.MD5, Map.of("app", "s3cret", "admin", "12345")),
                server.auth());
        assertEquals(List.of("shop", "audit"), server.databases());
        assertEquals(new TlsConfig(TlsConfig.Mode.FILES, "server.crt", "server.key"), server.tls());

        assertEquals(3, script.rules().size());
        Rule first = script.rules().get(0);
        assertEquals("user-by-id", first.id());
        assertEquals(3, first.times());
        assertEquals("signup", first.scenario());
        assertEquals("Started", first.state());
        assertEquals("done", first.nextState());
        assertEquals("full.yaml", first.source());
        assertEquals(1, first.position());

        Match match = first.match();
        assertEquals("SELECT id, name FROM users WHERE id = $1", match.sql());
        assertNull(match.regex());
        assertEquals(List.of(new ParamMatcher.Equals("7"), new ParamMatcher.NumberEquals(new BigDecimal("42")),
                new ParamMatcher.NumberEquals(new BigDecimal("1.5")), new ParamMatcher.BooleanEquals(true),
                new ParamMatcher.IsNull()), match.params().subList(0, 5));
        assertEquals("^a", ((ParamMatcher.Regex) match.params().get(5)).pattern().pattern());
        assertEquals(new ParamMatcher.Any(), match.params().get(6));
        assertEquals(List.of("int4"), match.paramTypes());
        assertEquals("app", match.user());
        assertEquals("shop", match.database());

        Response response = first.responses().get(0);
        assertEquals(List.of(new Column("id", "int4"), new Column("name", "text")), response.columns());
        assertEquals(List.of(List.of(42, "Alice")), response.rows());
        assertEquals(2, response.repeat());
        assertEquals("SELECT 2", response.tag());
        assertEquals(2L, response.affected());
        assertNull(response.error());
        assertEquals(List.of(new NoticeSpec("NOTICE", null, "careful", null, null, null, null, null, null),
                new NoticeSpec("WARNING", "01000", "warned", "d", "h", null, null, null, null)), response.notices());
        assertEquals(Duration.ofMillis(1500), response.delay());
        assertEquals(new FaultSpec(FaultType.RESET, 1L), response.fault());
        assertEquals(List.of(new NotifySpec("users", "{{$1}}"), new NotifySpec("bare", "")),
                response.notifications());
        assertFalse(response.copy());
    }

    @Test
    void respondListRegexAndDefaults() {
        Script script = ScriptLoader.parse("full.yaml", FULL);
        Rule second = script.rules().get(1);
        assertNull(second.id());
        assertEquals("full.yaml#2", second.displayName());
        assertNull(second.times());
        assertEquals("(?i)^delete", second.match().regex().pattern());
        assertTrue(second.match().regex().matcher("DELETE FROM x").find());
        assertEquals(2, second.responses().size());
        assertEquals(new ErrorSpec("40001", "could not serialize", "FATAL", "d", "h", "public", "users", "id",
                "users_pkey", 8, null, null, null, null, null, null, null), second.responses().get(0).error());
        Response success = second.responses().get(1);
        assertEquals(1L, success.affected());
        assertTrue(success.copy());
        assertEquals(Duration.ofMillis(250), success.delay());
        assertEquals(new FaultSpec(FaultType.CLOSE, null), success.fault());
        assertNull(success.columns());
        assertEquals(List.of(), success.rows());
        assertEquals(1, success.repeat());

        Rule third = script.rules().get(2);
        assertSame(Match.ANY, third.match(), "a rule without match matches everything");
        assertEquals(List.of(Response.empty()), third.responses(), "a rule without respond answers empty");
    }

    @Test
    void emptyScriptsGetTheDefaults() {
        for (String yaml : List.of("", "# nothing\n", "rules: []\n", "rules:\n")) {
            Script script = ScriptLoader.parse("e.yaml", yaml);
            assertEquals(ServerConfig.DEFAULTS, script.server());
            assertEquals(UnmatchedMode.ERROR, script.unmatched());
            assertTrue(script.builtins());
            assertEquals(List.of(), script.rules());
        }
    }

    @Test
    void defaultsOfServerSections() {
        Script script = ScriptLoader.parse("d.yaml", "server:\n  auth: {users: {app: pw}}\n  tls: self-signed\n");
        assertEquals(new AuthConfig(AuthConfig.AuthMethod.TRUST, Map.of("app", "pw")), script.server().auth());
        assertEquals(TlsConfig.SELF_SIGNED, script.server().tls());
        assertNull(script.server().version());
        assertNull(script.server().databases());
        assertEquals(TlsConfig.OFF, ScriptLoader.parse("d.yaml", "server:\n  tls: off\n").server().tls());
    }

    @Test
    void delayUnits() {
        String yaml = "rules:\n  - respond: {delay: 2s}\n  - respond: {delay: 1m}\n  - respond: {delay: 0.5ms}\n";
        List<Rule> rules = ScriptLoader.parse("d.yaml", yaml).rules();
        assertEquals(Duration.ofSeconds(2), rules.get(0).responses().get(0).delay());
        assertEquals(Duration.ofMinutes(1), rules.get(1).responses().get(0).delay());
        assertEquals(Duration.ofNanos(500_000), rules.get(2).responses().get(0).delay());
    }

    @Test
    void mergeKeysShareDefinitions() {
        String yaml = """
                rules:
                  - id: a
                    respond: &ok
                      columns: [{n: int4}]
                      rows: [[1]]
                  - id: b
                    respond:
                      <<: *ok
                      rows: [[2]]
                """;
        List<Rule> rules = ScriptLoader.parse("m.yaml", yaml).rules();
        assertEquals(List.of(List.of(1)), rules.get(0).responses().get(0).rows());
        assertEquals(List.of(new Column("n", "int4")), rules.get(1).responses().get(0).columns());
        assertEquals(List.of(List.of(2)), rules.get(1).responses().get(0).rows(), "keys written win over merged ones");
    }

    @Test
    void loadsFromClasspath() {
        Script script = ScriptLoader.load("classpath:scripts/shop.yaml");
        assertEquals("classpath:scripts/shop.yaml", script.source());
        assertEquals("customer-by-id", script.rules().get(0).id());
        assertEquals("classpath:scripts/shop.yaml", script.rules().get(0).source());
        assertEquals(script.rules().size(), ScriptLoader.load("classpath:/scripts/shop.yaml").rules().size());
    }

    @Test
    void loadsFromAFileAndNamesItAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "rules:\n  - id: x\n    times: nope\n");
        ScriptException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptException.class,
                () -> ScriptLoader.load(file));
        assertEquals(List.of(file + ":3:12: 'times' must be a non-negative integer, found 'nope'"), e.problems());
        Files.writeString(file, "rules:\n  - id: x\n");
        assertEquals("x", ScriptLoader.load(file.toString()).rules().get(0).id());
        assertEquals(file.toString(), ScriptLoader.load(file.toString()).source());
    }
}
