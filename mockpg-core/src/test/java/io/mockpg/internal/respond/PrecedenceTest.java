package io.mockpg.internal.respond;

import io.mockpg.RuleSummary;
import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.rows;
import static io.mockpg.internal.respond.EngineFixture.script;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static io.mockpg.internal.respond.EngineFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.JournalEntry;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecedenceTest {
    private static final Script BASE = script("base.yaml", """
            rules:
              - id: base-users
                match: { sql: SELECT name FROM users }
                respond: { columns: [ name: text ], rows: [ [base] ] }
              - match: { regex: "(?i)^select name" }
                respond: { columns: [ name: text ], rows: [ [base-regex] ] }
              - id: version
                match: { sql: SELECT version() }
                respond: { columns: [ version: text ], rows: [ [scripted] ] }
            """);
    private static final Script LATER = script("later.yaml", """
            rules:
              - id: later-users-first
                match: { sql: select NAME from USERS }
                respond: { columns: [ name: text ], rows: [ [later-1] ] }
              - id: later-users-second
                match: { sql: SELECT name FROM users }
                respond: { columns: [ name: text ], rows: [ [later-2] ] }
            """);

    @Test
    void laterScriptsFirstThenFileOrderThenBuiltins() {
        ScriptEngine engine = engine(BASE, LATER);
        EngineSession session = session(engine);
        assertEquals(List.of(List.of("later-1")), rows(simple(session, "SELECT name FROM users")));
        assertEquals(List.of(List.of("base-regex")), rows(simple(session, "SELECT name FROM accounts")));
        assertEquals(List.of(List.of("scripted")), rows(simple(session, "select version()")));
        assertEquals("BEGIN", tag(simple(session, "BEGIN")));
        List<String> ruleIds = engine.journal().stream().map(JournalEntry::ruleId).toList();
        assertEquals(List.of("later-users-first", "base.yaml#2", "version", "builtin"), ruleIds);
    }

    @Test
    void addedScriptGoesAheadUntilReset() {
        ScriptEngine engine = engine(BASE, LATER);
        engine.addScript(script("admin", """
                rules:
                  - match: { sql: SELECT name FROM users }
                    respond: { columns: [ name: text ], rows: [ [added] ] }
                """));
        EngineSession session = session(engine);
        assertEquals(List.of(List.of("added")), rows(simple(session, "SELECT name FROM users")));
        assertEquals("admin#1", engine.rules().get(0).id());
        assertEquals(1, engine.rules().get(0).answered());
        engine.reset();
        assertEquals(List.of(), engine.journal());
        assertEquals(List.of("later-users-first", "later-users-second", "base-users", "base.yaml#2", "version"),
                engine.rules().stream().map(RuleSummary::id).toList());
        assertEquals(List.of(List.of("later-1")), rows(simple(session, "SELECT name FROM users")));
    }

    @Test
    void rulesListSourcesAndCountsAndReloadKeepsCountsByName() {
        ScriptEngine engine = engine(BASE);
        EngineSession session = session(engine);
        simple(session, "SELECT name FROM users");
        simple(session, "SELECT name FROM users");
        assertEquals(new RuleSummary("base-users", "base.yaml", 2), engine.rules().get(0));
        engine.replaceScripts(List.of(script("base.yaml", """
                rules:
                  - id: new-rule
                    match: { sql: SELECT 2 }
                  - id: base-users
                    match: { sql: SELECT name FROM users }
                    respond: { columns: [ name: text ], rows: [ [reloaded] ] }
                """)));
        assertEquals(List.of(new RuleSummary("new-rule", "base.yaml", 0), new RuleSummary("base-users", "base.yaml", 2)),
                engine.rules());
        assertEquals(List.of(List.of("reloaded")), rows(simple(session, "SELECT name FROM users")));
    }

    @Test
    void tenThousandRulesAnswerTheRightOne() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Response response = new Response(List.of(new Response.Column("v", "int4")), List.of(List.of(i)), 1,
                    null, null, null, List.of(), null, null, List.of(), false);
            rules.add(new Rule("r" + i, Match.sql("SELECT v FROM t" + i + " WHERE id = $1"), List.of(response),
                    null, null, null, null, "big.yaml", i + 1));
        }
        ScriptEngine engine = engine(Script.ofRules("big.yaml", rules));
        EngineSession session = session(engine);
        List<Object> answers = new ArrayList<>();
        for (int i : new int[] {0, 4_242, 9_999}) {
            answers.add(rows(EngineFixture.extended(session, "SELECT v FROM t" + i + " WHERE id = $1", "1")).get(0).get(0));
        }
        assertEquals(List.of(0, 4_242, 9_999), answers);
        assertEquals(List.of("r0", "r4242", "r9999"), engine.journal().stream().map(JournalEntry::ruleId).toList());
    }
}
