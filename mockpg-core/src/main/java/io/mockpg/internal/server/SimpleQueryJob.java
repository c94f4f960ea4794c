package io.mockpg.internal.server;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.protocol.frontend.FrontendMessage;
import io.mockpg.internal.session.TransactionVerb;
import io.mockpg.internal.sql.StatementSplitter;

import java.util.List;

/**
 * A simple Query (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT): its statements run in order, the first error ends the string,
 * statements outside a block share one implicit transaction, and one ReadyForQuery closes it.
 */
final class SimpleQueryJob implements SessionExecutor.Job {
    static final String ABORTED = "current transaction is aborted, commands ignored until end of transaction block";

    private final SessionExecutor session;
    private final String sql;
    private List<String> statements;
    private int index;
    private AnswerWriter writer;
    private TransactionVerb verb;

    SimpleQueryJob(SessionExecutor session, String sql) {
        this.session = session;
        this.sql = sql;
    }

    @Override
    public AnswerWriter.Step run() {
        if (statements == null) {
            statements = StatementSplitter.split(sql);
            if (statements.isEmpty()) {
                BackendMessages.emptyQueryResponse(session.out().buf());
                session.readyForQuery();
                return AnswerWriter.Step.DONE;
            }
        }
        while (true) {
            if (writer != null) {
                AnswerWriter.Step step = writer.run(0);
                if (step != AnswerWriter.Step.DONE) {
                    return step;
                }
                if (!statementFinished()) {
                    session.readyForQuery();
                    return AnswerWriter.Step.DONE;
                }
                writer = null;
                index++;
            }
            if (index == statements.size()) {
                session.transaction().endOfBatch();
                session.readyForQuery();
                return AnswerWriter.Step.DONE;
            }
            String statement = statements.get(index);
            verb = TransactionVerb.of(statement);
            if (session.transaction().rejects(verb)) {
                session.engine().recordRejected(new StatementRequest(statement, List.of(), SessionExecutor.noOids(),
                        false, 'E'));
                BackendMessages.errorResponse(session.out().buf(), ErrorFields.error("25P02", ABORTED));
                session.readyForQuery();
                return AnswerWriter.Step.DONE;
            }
            Answer answer = session.answer(statement, List.of(), SessionExecutor.noOids(), false);
            writer = new AnswerWriter(session, answer, SessionExecutor.encoderFor(answer.result(),
                    SessionExecutor.allText()), true);
        }
    }

    /** Applies the statement's transaction effect; false when the string must stop here. */
    private boolean statementFinished() {
        if (writer.failed()) {
            session.transaction().afterError(verb);
            return false;
        }
        ErrorFields error = session.transaction().afterSuccess(verb);
        if (error != null) {
            BackendMessages.errorResponse(session.out().buf(), error);
            session.transaction().afterError(TransactionVerb.NONE);
            return false;
        }
        return true;
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
