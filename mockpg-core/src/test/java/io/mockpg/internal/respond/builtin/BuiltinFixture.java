package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A built-in server with one or more sessions, and helpers to read answers. */
class BuiltinFixture {
    final NotificationHub hub = new NotificationHub();
    final Builtins builtins;

    BuiltinFixture(String version, Map<String, String> parameters) {
        builtins = new Builtins(new BuiltinServer(version, parameters, "127.0.0.1", () -> 5433, hub));
    }

    BuiltinFixture() {
        this(null, Map.of());
    }

    /** A session with its delivered notifications. */
    final class Client {
        final List<Notification> received = new CopyOnWriteArrayList<>();
        final SessionInfo info;
        final BuiltinSession session;
        char status = 'I';

        Client(int id, String user, Map<String, String> startup) {
            info = new SessionInfo(id, user, "shop", startup, received::add);
            session = builtins.openSession(info);
        }

        Answer run(String sql, String... params) {
            return builtins.answer(SqlStatement.parse(sql), request(sql, params), session);
        }

        Answer runIn(char transactionStatus, String sql) {
            status = transactionStatus;
            return run(sql);
        }

        StatementRequest request(String sql, String... params) {
            return new StatementRequest(sql, Arrays.asList(params), new int[params.length], params.length > 0, status);
        }
    }

    Client client() {
        return new Client(42, "alice", Map.of());
    }

    Client client(int id, Map<String, String> startup) {
        return new Client(id, "alice", startup);
    }

    static String tag(Answer answer) {
        assertNotNull(answer, "expected a built-in answer");
        Result result = answer.result();
        if (result instanceof Result.Rows rows) {
            return rows.fixedTag();
        }
        return assertInstanceOf(Result.Command.class, result).tag();
    }

    static Result.Rows rowsResult(Answer answer) {
        assertNotNull(answer, "expected a built-in answer");
        return assertInstanceOf(Result.Rows.class, answer.result());
    }

    static List<Object[]> rows(Answer answer) {
        Result.Rows result = rowsResult(answer);
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row = result.rows().next(); row != null; row = result.rows().next()) {
            rows.add(row);
        }
        return rows;
    }

    static Object single(Answer answer) {
        List<Object[]> rows = rows(answer);
        assertEquals(1, rows.size());
        assertEquals(1, rows.get(0).length);
        return rows.get(0)[0];
    }

    /** "name:type" of every column. */
    static List<String> columns(Answer answer) {
        return columns(rowsResult(answer).columns());
    }

    static List<String> columns(List<ResultColumn> columns) {
        return columns.stream().map(column -> column.name() + ":" + column.type().name()).toList();
    }

    static io.mockpg.internal.engine.ErrorFields error(Answer answer) {
        assertNotNull(answer, "expected a built-in answer");
        return assertInstanceOf(Result.Error.class, answer.result()).fields();
    }
}
