package io.mockpg.internal.engine;



/**
 * The engine's per-session state: called only from the session's own thread (its event
 * loop), never concurrently. Transaction control is tracked by the protocol layer, which
 * tells the engine about transaction boundaries so it can finish journal outcomes and undo
 * scenario moves.
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
     * built-in tag); the protocol layer then applies the state change when the answer is
     * not an error.
     */
    Answer answer(StatementRequest request);

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
    default boolean answerable(String sql) {
        return true;
    }

    /** A statement the protocol layer refused itself (e.g. 25P02 in a failed transaction): journal it. */
    void recordRejected(StatementRequest request);

    /** The data of a COPY FROM STDIN that completed (rows received), for the journal. */
    void copyReceived(String data, long rows);

    /** A transaction (explicit, or the implicit one of a statement/batch) ended. */
    void transactionEnded(boolean committed);

    void savepoint(String name);

    void rollbackToSavepoint(String name);

    void releaseSavepoint(String name);

    /** The session is gone. */
    void close();

}
