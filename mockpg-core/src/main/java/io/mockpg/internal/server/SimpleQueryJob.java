package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.sql.StatementSplitter;

import java.util.List;

/**
 * A simple Query (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT):
 * its statements run in order, the first error ends the string, statements outside a block
 * share one implicit transaction, and one ReadyForQuery closes it.
 */
final class SimpleQueryJob implements Job {
    private static final short[] ALL_TEXT = new short[0];

    /** What a simple query needs of its session. */
    interface Session extends AnswerWriter.Connection {
        /** The string is done: the implicit transaction's end, then ReadyForQuery. */
        void endOfBatch();
    }

    private final Session session;
    private final GuardedEngine engine;
    private final StatementEnd end;
    private final String sql;
    private List<String> statements;
    private int index;
    private AnswerWriter writer;

    SimpleQueryJob(Session session, GuardedEngine engine, StatementEnd end, String sql) {
        this.session = session;
        this.engine = engine;
        this.end = end;
        this.sql = sql;
    }

    @Override
    public AnswerWriter.Step run() {
        if (statements == null) {
            ErrorFields tooLarge = StatementSize.tooLarge(sql, session.maxStatementSize());
            if (tooLarge != null) {
                end.failed(tooLarge);
                session.endOfBatch();
                return AnswerWriter.Step.DONE;
            }
            statements = StatementSplitter.split(sql);
            if (statements.isEmpty()) {
                BackendMessages.emptyQueryResponse(session.out().buf());
                session.endOfBatch();
                return AnswerWriter.Step.DONE;
            }
        }
        while (true) {
            if (writer != null) {
                AnswerWriter.Step step = writer.run(0);
                if (step != AnswerWriter.Step.DONE) {
                    return step;
                }
                if (!end.answered(writer)) {
                    session.endOfBatch();
                    return AnswerWriter.Step.DONE;
                }
                writer = null;
                index++;
            }
            if (index == statements.size()) {
                session.endOfBatch();
                return AnswerWriter.Step.DONE;
            }
            String statement = statements.get(index);
            if (end.refused(statement, false)) {
                session.endOfBatch();
                return AnswerWriter.Step.DONE;
            }
            Answer answer = engine.answer(statement, List.of(), GuardedEngine.NO_OIDS, false);
            writer = new AnswerWriter(session, answer, ALL_TEXT, true);
        }
    }

    @Override
    public AnswerWriter.Step accept(FrontendMessage message) {
        AnswerWriter.Step step = writer.acceptCopy(message);
        return step == AnswerWriter.Step.DONE ? run() : step;
    }

    @Override
    public void cancel() {
        if (writer != null) {
            writer.cancel();
        }
    }
}
