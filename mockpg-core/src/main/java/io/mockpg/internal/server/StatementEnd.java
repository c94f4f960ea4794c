package io.mockpg.internal.server;

import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.protocol.backend.BackendMessages;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.session.TransactionStatus;
import io.mockpg.internal.sql.TransactionEffect;

import java.util.List;

/**
 * The end of every statement, whichever protocol ran it: the refusal in a failed block
 * (25P02, journaled), the COPY data for the journal, and the statement's effect on the
 * session's transaction, or its failure. The callers decide only what follows: the rest of
 * a simple query string, or a skip to Sync.
 */
final class StatementEnd {
    static final String ABORTED = "current transaction is aborted, commands ignored until end of transaction block";

    private final EngineSession engine;
    private final SessionTransaction transaction;
    private final Outbound out;

    StatementEnd(EngineSession engine, Outbound out) {
        this.engine = engine;
        this.transaction = engine.transaction();
        this.out = out;
    }

    /**
     * In a failed block, a statement that does not end it is refused: journaled and answered
     * with 25P02. Returns true when refused. The engine is asked for the statement's effect
     * only then, so the common path recognizes nothing twice.
     */
    boolean refused(String sql, boolean extended) {
        if (transaction.status() != TransactionStatus.FAILED
                || !transaction.refuses(engine.transactionEffect(sql))) {
            return false;
        }
        engine.recordRejected(new StatementRequest(sql, List.of(), GuardedEngine.NO_OIDS, extended,
                TransactionStatus.FAILED));
        BackendMessages.errorResponse(out.buf(), ErrorFields.error("25P02", ABORTED));
        return true;
    }

    /** The answer was sent: applies its effect, or its failure. False when the statement failed. */
    boolean answered(AnswerWriter writer) {
        if (writer.copyData() != null) {
            engine.copyReceived(writer.copyData());
        }
        TransactionEffect effect = writer.answer().transaction();
        if (writer.failed()) {
            transaction.statementEnded(effect, true);
            return false;
        }
        if (!transaction.statementEnded(effect, false)) {
            BackendMessages.errorResponse(out.buf(), ErrorFields.error("3B001",
                    "savepoint \"" + effect.savepoint() + "\" does not exist"));
            return false;
        }
        return true;
    }

    /** A protocol error instead of an answer (an unknown portal, a bad Bind): the statement failed. */
    void failed(ErrorFields fields) {
        BackendMessages.errorResponse(out.buf(), fields);
        transaction.statementEnded(TransactionEffect.NONE, true);
    }
}
