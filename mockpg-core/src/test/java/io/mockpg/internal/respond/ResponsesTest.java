package io.mockpg.internal.respond;

import static io.mockpg.internal.respond.EngineFixture.engine;
import static io.mockpg.internal.respond.EngineFixture.errorCode;
import static io.mockpg.internal.respond.EngineFixture.errorMessage;
import static io.mockpg.internal.respond.EngineFixture.extended;
import static io.mockpg.internal.respond.EngineFixture.rows;
import static io.mockpg.internal.respond.EngineFixture.session;
import static io.mockpg.internal.respond.EngineFixture.simple;
import static io.mockpg.internal.respond.EngineFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.SessionInfo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void respondListGivesSuccessiveAnswersAndTheLastRepeats() {
        ScriptEngine engine = engine("""
                rules:
                  - id: counter
                    match: { sql: SELECT n FROM counter }
                    respond:
                      - { columns: [ n: int4 ], rows: [ [1] ] }
                      - { columns: [ n: int4 ], rows: [ [2] ] }
                """);
        EngineSession one = session(engine);
        EngineSession two = session(engine);
        assertEquals(List.of(List.of(1)), rows(simple(one, "SELECT n FROM counter")));
        one.transaction().abandon();
        assertEquals(List.of(List.of(2)), rows(simple(two, "SELECT n FROM counter")));
        assertEquals(List.of(List.of(2)), rows(simple(one, "SELECT n FROM counter")));
    }

    @Test
    void timesIsCountedPerServer() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { sql: SELECT 1 }
                    times: 2
                    respond: { columns: [ a: int4 ], rows: [ [10] ] }
                  - match: { sql: SELECT 1 }
                    respond: { columns: [ a: int4 ], rows: [ [20] ] }
                """);
        EngineSession one = session(engine);
        EngineSession two = session(engine);
        assertEquals(List.of(List.of(10)), rows(simple(one, "SELECT 1")));
        assertEquals(List.of(List.of(10)), rows(simple(two, "SELECT 1")));
        assertEquals(List.of(List.of(20)), rows(simple(one, "SELECT 1")));
        assertEquals(List.of(2L, 1L), engine.rules().stream().map(RuleInfo::answered).toList());
    }

    @Test
    void templatesUseParamsGroupsSessionAndEscapes() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { sql: "SELECT id, name, note FROM users WHERE id = $1 AND name = $2" }
                    respond:
                      columns: [ id: int4, name: text, note: text ]
                      rows: [ ["{{$1}}", "{{$2}}", "{{{{ {{user}}@{{database}} {{$2}}}}" ] ]
                  - match: { regex: "^DELETE FROM (?<table>\\\\w+)" }
                    respond: { tag: "DELETE 7 from {{table}}" }
                """);
        EngineSession session = session(engine);
        assertEquals(List.of(List.of(7, "bob", "{{ app@shop bob}}")),
                rows(simple(session, "SELECT id, name, note FROM users WHERE id = 7 AND name = 'bob'")));
        assertEquals(List.of(Arrays.asList(8, null, "{{ app@shop }}")),
                rows(extended(session, "SELECT id, name, note FROM users WHERE id = $1 AND name = $2", "8", null)));
        assertEquals("DELETE 7 from orders", tag(simple(session, "DELETE FROM orders WHERE x = 1")));
    }

    @Test
    void templatedValueThatDoesNotFitItsTypeIsAnError() {
        ScriptEngine engine = engine("""
                rules:
                  - id: typed
                    match: { sql: SELECT n FROM t WHERE x = $1 }
                    respond: { columns: [ n: int4 ], rows: [ ["{{$1}}"] ] }
                """);
        Answer answer = simple(session(engine), "SELECT n FROM t WHERE x = 'abc'");
        assertEquals("22P02", errorCode(answer));
        assertTrue(errorMessage(answer).startsWith("invalid input for column \"n\" (int4) in rule \"typed\": \"abc\""),
                errorMessage(answer));
    }

    @Test
    void repeatStreamsTenMillionRowsWithRowNumbers() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { sql: SELECT n FROM big }
                    respond: { columns: [ n: int8, label: text ], rows: [ ["{{row}}", "row {{row}}"] ], repeat: 10000000 }
                """);
        Result.Rows result = assertInstanceOf(Result.Rows.class, simple(session(engine), "SELECT n FROM big").result());
        long count = 0;
        Object[] last = null;
        for (Object[] row = result.rows().next(); row != null; row = result.rows().next()) {
            count++;
            last = row;
        }
        assertEquals(10_000_000L, count);
        assertEquals(10_000_000L, last[0]);
        assertEquals("row 10000000", last[1]);
        assertEquals("SELECT", result.tagVerb());
    }

    @Test
    void tagsAreDerivedFromVerbAffectedOrGiven() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { regex: "^INSERT" }
                    respond: { affected: 3 }
                  - match: { regex: "^UPDATE" }
                    respond: { tag: "UPDATE 9", affected: 3 }
                  - match: { regex: "^DELETE" }
                    respond: { }
                  - match: { regex: "^CREATE" }
                    respond: { }
                  - match: { regex: "RETURNING" }
                    respond: { columns: [ id: int4 ], rows: [ [1], [2] ] }
                  - match: { regex: "^SHOW" }
                    respond: { columns: [ x: text ], rows: [ [a] ] }
                """);
        EngineSession session = session(engine);
        assertEquals("INSERT 0 3", tag(simple(session, "INSERT INTO t VALUES (1)")));
        assertEquals("UPDATE 9", tag(simple(session, "UPDATE t SET a = 1")));
        assertEquals("DELETE 0", tag(simple(session, "DELETE FROM t")));
        assertEquals("CREATE TABLE", tag(simple(session, "CREATE TABLE t (id int)")));
        assertEquals("INSERT 0 2", tag(simple(session, "WITH x AS (SELECT 1) INSERT INTO t SELECT 1 RETURNING id")));
        assertEquals("SHOW", tag(simple(session, "SHOW x")));
    }

    @Test
    void errorsNoticesDelayFaultAndNotifications() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { sql: "INSERT INTO users (email) VALUES ($1)" }
                    respond:
                      notices: [ { severity: WARNING, message: "checking {{$1}}" } ]
                      error: { code: "23505", message: "duplicate key {{$1}}", constraint: users_email_key, detail: "Key (email)=({{$1}}) already exists." }
                      delay: 250ms
                  - match: { sql: SELECT crash() }
                    respond: { error: { code: "57P01", message: bye, severity: FATAL }, fault: { type: reset, after_rows: 2 } }
                  - match: { sql: "UPDATE orders SET state = $1" }
                    respond: { notify: [ { channel: "orders_{{user}}", payload: "state={{$1}}" } ] }
                """);
        EngineSession session = session(engine);
        Answer duplicate = simple(session, "INSERT INTO users (email) VALUES ('a@b.c')");
        ErrorFields fields = assertInstanceOf(Result.Error.class, duplicate.result()).fields();
        assertEquals(List.of("ERROR", "23505", "duplicate key a@b.c", "Key (email)=(a@b.c) already exists.",
                "users_email_key"), Arrays.asList(fields.severity(), fields.code(), fields.message(), fields.detail(),
                fields.constraint()));
        assertEquals(List.of("WARNING checking a@b.c"),
                duplicate.notices().stream().map(n -> n.severity() + " " + n.message()).toList());
        assertEquals(Duration.ofMillis(250), duplicate.delay());

        Answer crash = simple(session, "SELECT crash()");
        assertTrue(assertInstanceOf(Result.Error.class, crash.result()).fields().isFatal());
        assertEquals(new Answer.Fault(true, 2L), crash.fault());

        List<Notification> inbox = new CopyOnWriteArrayList<>();
        SessionInfo listener = new SessionInfo(77, "other", "shop", Map.of(), inbox::add);
        engine.notificationHub().listen("orders_app", listener);
        Answer update = simple(session, "UPDATE orders SET state = 'paid'");
        assertEquals("UPDATE 0", tag(update));
        assertEquals(List.of(), inbox);
        update.afterSend().forEach(Runnable::run);
        assertEquals(1, inbox.size());
        assertEquals(List.of("orders_app", "state=paid"), List.of(inbox.get(0).channel(), inbox.get(0).payload()));
    }

    @Test
    void copyFromStdinAndToStdout() {
        ScriptEngine engine = engine("""
                rules:
                  - match: { regex: "^COPY orders \\\\(" }
                    respond: { copy: true }
                  - match: { regex: "^COPY orders FROM" }
                    respond: { copy: true, columns: [ a: int4, b: text ], tag: "COPY 5" }
                  - match: { regex: "TO STDOUT" }
                    respond: { copy: true, columns: [ a: int4, b: text ], rows: [ [1, x], [2, y] ] }
                """);
        EngineSession session = session(engine);
        assertEquals(new Result.CopyIn(3, true, null, false),
                simple(session, "COPY orders (id, customer, amount) FROM STDIN WITH (FORMAT csv)").result());
        assertEquals(new Result.CopyIn(2, false, "COPY 5", false), simple(session, "COPY orders FROM STDIN").result());
        session.copyReceived("1\tx\n");
        assertEquals("1\tx\n", engine.journal().get(1).copyData());
        Result.CopyOut out = assertInstanceOf(Result.CopyOut.class,
                simple(session, "COPY (SELECT a, b FROM t) TO STDOUT").result());
        assertEquals(List.of(List.of(1, "x"), List.of(2, "y")), EngineFixture.drain(out.rows()));
        assertEquals(2, out.columns().size());
    }
}
