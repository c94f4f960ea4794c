package io.mockpg.internal.session;

import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;

/**
 * The session's transaction status as PostgreSQL keeps it (I idle, T in a block, E failed
 * block), the implicit transaction of statements run outside a block, and savepoints. It
 * tells the engine when a transaction ends so journal outcomes and scenario moves follow.
 */
public final class TransactionState {
    private final Savepoints savepoints = new Savepoints();
    private final Runnable onEnd;
    private EngineSession engine;
    private char status = 'I';
    private boolean implicitOpen;

    /** @param onEnd runs whenever a transaction ends (portals die with it) */
    public TransactionState(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    public void attach(EngineSession engineSession) {
        this.engine = engineSession;
    }

    /** ReadyForQuery's status byte. */
    public char status() {
        return status;
    }

    /** In a failed block everything but the exit statements gets 25P02. */
    public boolean rejects(TransactionVerb verb) {
        return status == 'E' && !verb.allowedInFailedTransaction();
    }

    /**
     * Applies a statement that was answered without error. Returns an error when a control
     * statement cannot apply (an unknown savepoint), else null.
     */
    public ErrorFields afterSuccess(TransactionVerb verb) {
        switch (verb.kind()) {
            case NONE -> {
                if (status == 'I') {
                    implicitOpen = true;
                }
            }
            case BEGIN -> {
                if (status == 'I') {
                    status = 'T';
                }
            }
            case COMMIT -> {
                if (status != 'I' || implicitOpen) {
                    end(status != 'E');
                }
            }
            case ROLLBACK -> {
                if (status != 'I' || implicitOpen) {
                    end(false);
                }
            }
            case SAVEPOINT -> {
                if (status == 'T') {
                    savepoints.push(verb.savepointName());
                    engine.savepoint(verb.savepointName());
                }
            }
            case RELEASE -> {
                if (status == 'T') {
                    int index = savepoints.find(verb.savepointName());
                    if (index < 0) {
                        return noSuchSavepoint(verb);
                    }
                    savepoints.release(index);
                    engine.releaseSavepoint(verb.savepointName());
                }
            }
            case ROLLBACK_TO -> {
                if (status != 'I') {
                    int index = savepoints.find(verb.savepointName());
                    if (index < 0) {
                        return noSuchSavepoint(verb);
                    }
                    savepoints.rollbackTo(index);
                    status = 'T';
                    engine.rollbackToSavepoint(verb.savepointName());
                }
            }
        }
        return null;
    }

    private static ErrorFields noSuchSavepoint(TransactionVerb verb) {
        return ErrorFields.error("3B001", "savepoint \"" + verb.savepointName() + "\" does not exist");
    }

    /** A statement failed: a block becomes failed, an implicit transaction rolls back. */
    public void afterError(TransactionVerb verb) {
        if (status == 'T' && verb.kind() == TransactionVerb.Kind.COMMIT) {
            end(false); // a COMMIT that fails (e.g. 40001) ends the transaction rolled back
        } else if (status == 'T') {
            status = 'E';
        } else if (status == 'I') {
            // The implicit transaction rolls back, including when the failing statement was
            // its first: else that statement would take the next transaction's outcome.
            end(false);
        }
    }

    /** End of a simple query string or a Sync: the implicit transaction commits. */
    public void endOfBatch() {
        if (status == 'I' && implicitOpen) {
            end(true);
        }
    }

    /** The connection is going away: an open transaction is rolled back. */
    public void abandon() {
        if (status != 'I' || implicitOpen) {
            end(false);
        }
    }

    private void end(boolean committed) {
        status = 'I';
        implicitOpen = false;
        savepoints.clear();
        engine.transactionEnded(committed);
        onEnd.run();
    }
}
