package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Notification;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.session.TransactionStatus;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.TransactionEffect;

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

    /** A server whose script is this YAML: its rules say what the schema holds. */
    BuiltinFixture(String scriptYaml) {
        List<io.mockpg.internal.script.Rule> rules = io.mockpg.internal.script.yaml.ScriptLoader
                .parse("test.yaml", scriptYaml).rules();
        builtins = new Builtins(new BuiltinServer(null, Map.of(), "127.0.0.1", () -> 5433, hub, () -> rules));
    }

    /** A session with its delivered notifications and its transaction, which every answer's effect moves on. */
    final class Client {
        final List<Notification> received = new CopyOnWriteArrayList<>();
        final SessionInfo info;
        final SessionTransaction transaction = new SessionTransaction();
        final BuiltinSession session;

        Client(int id, String user, Map<String, String> startup) {
            info = new SessionInfo(id, user, "shop", startup, received::add);
            session = builtins.openSession(info, transaction);
        }

        /** Answers in the current status, then applies the answer to the transaction as the protocol layer does. */
        Answer run(String sql, String... params) {
            Answer answer = builtins.answer(SqlStatement.parse(sql), request(sql, params), session);
            if (answer != null) {
                transaction.statementEnded(answer.transaction(), answer.result() instanceof Result.Error);
            }
            return answer;
        }

        Answer runIn(char transactionStatus, String sql) {
            enter(transactionStatus);
            return run(sql);
        }

        /** Brings the transaction to a status ('I', 'T' or 'E') the way a client would, from idle. */
        void enter(char status) {
            if (transaction.status().code() == status) {
                return;
            }
            transaction.abandon();
            if (status != 'I') {
                transaction.statementEnded(TransactionEffect.BEGIN, false);
            }
            if (status == 'E') {
                transaction.statementEnded(TransactionEffect.NONE, true);
            }
        }

        /** The transaction commits: an explicit one as COMMIT does, an implicit one at the end of its batch. */
        void commit() {
            if (transaction.status() == TransactionStatus.IDLE) {
                transaction.endOfBatch();
            } else {
                transaction.statementEnded(TransactionEffect.COMMIT, false);
            }
        }

        StatementRequest request(String sql, String... params) {
            return new StatementRequest(sql, Arrays.asList(params), new int[params.length], params.length > 0,
                    transaction.status());
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
