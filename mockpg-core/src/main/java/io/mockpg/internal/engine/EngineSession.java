package io.mockpg.internal.engine;

import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.sql.TransactionEffect;

import java.util.List;

/**
 * The engine's per-session state: called only from the session's own thread (its event
 * loop), never concurrently. The session's transaction is one object, {@link #transaction}:
 * the engine journals into it and enlists the work a rollback undoes; the protocol layer
 * applies each statement's end to it.
 */
public interface EngineSession {
    /**
     * The ParameterStatus values to report at startup, in order (server_version,
     * server_encoding, client_encoding, DateStyle, ... merged with the script's
     * server.parameters and the client's startup options).
     */
    java.util.Map<String, String> reportedParameters();

    /**
     * Answers one statement. Must not block. Transaction control statements (BEGIN, COMMIT,
     * ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK TO, ...) are answered here too (script rule or
     * built-in tag); the answer carries the statement's effect, which the protocol layer
     * applies to {@link #transaction} when the answer is not an error.
     */
    Answer answer(StatementRequest request);

    /** The session's transaction. */
    SessionTransaction transaction();

    /**
     * What a statement would do to the transaction, without answering it: the protocol layer
     * asks in a failed block only, where all but the statements that end it are refused.
     */
    TransactionEffect transactionEffect(String sql);

    /**
     * Describes a statement for Parse/Describe-statement, by SQL alone (parameters are not
     * known yet). {@code clientParamOids} are the OIDs given in Parse (0 = unspecified).
     */
    Description describe(String sql, int[] clientParamOids);

    /**
     * False when no parameter values could make the statement match (no rule by SQL alone,
     * no built-in answer) and it would be answered with an error: Describe-statement then
     * reports that error, as PostgreSQL reports an unknown table at Parse, rather than a
     * guessed description that makes a driver encode its parameters wrongly.
     */
    /**
     * The error PostgreSQL would answer Parse of this statement with (a syntax error, an
     * undefined table, …), or null to parse it (docs/script-reference.md, "error").
     */
    default ErrorFields parseError(String sql) {
        return null;
    }

    /**
     * The error PostgreSQL would answer Bind of this statement with these parameters (a
     * parameter its type cannot read), or null to bind it (docs/script-reference.md, "error").
     */
    default ErrorFields bindError(String sql, List<String> params) {
        return null;
    }

    default boolean answerable(String sql) {
        return true;
    }

    /** A statement the protocol layer refused itself (e.g. 25P02 in a failed transaction): journal it. */
    void recordRejected(StatementRequest request);

    /** The data a COPY FROM STDIN received (also when the client failed it), for the journal. */
    void copyReceived(String data);

    /** The session is gone. */
    void close();

}
