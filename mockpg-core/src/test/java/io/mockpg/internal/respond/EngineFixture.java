package io.mockpg.internal.respond;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.RowSource;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptLoader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds engines from YAML and drives sessions the way the protocol layer does. */
final class EngineFixture {
    private static final AtomicInteger SESSION_IDS = new AtomicInteger(100);

    private EngineFixture() {
    }

    static Script script(String source, String yaml) {
        return ScriptLoader.parse(source, yaml);
    }

    static ScriptEngine engine(Script... scripts) {
        return new ScriptEngine(List.of(scripts), "127.0.0.1", () -> 5432);
    }

    static ScriptEngine engine(String yaml) {
        return engine(script("test.yaml", yaml));
    }

    static EngineSession session(ScriptEngine engine) {
        return session(engine, "app", "shop", new CopyOnWriteArrayList<>());
    }

    static EngineSession session(ScriptEngine engine, String user, String database, List<Notification> inbox) {
        return engine.openSession(new SessionInfo(SESSION_IDS.incrementAndGet(), user, database,
                Map.of("user", user, "database", database), inbox::add));
    }

    /** One statement through the simple protocol, its end applied to the session's transaction. */
    static Answer simple(EngineSession session, String sql) {
        return ended(session, session.answer(new StatementRequest(sql, List.of(), new int[0], false,
                session.transaction().status())));
    }

    static Answer extended(EngineSession session, String sql, String... params) {
        return ended(session, session.answer(new StatementRequest(sql, Arrays.asList(params),
                new int[params.length], true, session.transaction().status())));
    }

    /** One statement in its own batch: an implicit transaction then commits (or was rolled back by a failure). */
    static Answer autocommit(EngineSession session, String sql) {
        Answer answer = simple(session, sql);
        session.transaction().endOfBatch();
        return answer;
    }

    /** What the protocol layer does at the end of every statement. */
    private static Answer ended(EngineSession session, Answer answer) {
        session.transaction().statementEnded(answer.transaction(), answer.result() instanceof Result.Error);
        return answer;
    }

    static List<List<Object>> rows(Answer answer) {
        Result.Rows rows = assertInstanceOf(Result.Rows.class, answer.result());
        return drain(rows.rows());
    }

    static List<List<Object>> drain(RowSource source) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row = source.next(); row != null; row = source.next()) {
            rows.add(Arrays.asList(row.clone()));
        }
        return rows;
    }

    /** The CommandComplete tag the protocol layer would send, rows counted as it sends them. */
    static String tag(Answer answer) {
        Result result = answer.result();
        if (result instanceof Result.Command command) {
            return command.tag();
        }
        Result.Rows rows = assertInstanceOf(Result.Rows.class, result);
        return rows.tag(drain(rows.rows()).size());
    }

    static String errorCode(Answer answer) {
        return assertInstanceOf(Result.Error.class, answer.result()).fields().code();
    }

    static String errorMessage(Answer answer) {
        return assertInstanceOf(Result.Error.class, answer.result()).fields().message();
    }
}
