package io.mockpg.internal.session;

import io.mockpg.JournalEntry;
import io.mockpg.internal.journal.JournalRecord;
import io.mockpg.internal.sql.TransactionEffect;

import java.util.ArrayList;
import java.util.List;

/**
 * One session's transaction, as PostgreSQL keeps it: the status, the implicit transaction of
 * statements run outside a block, the savepoints with their undo marks, the journal entries of
 * the open transaction and the work that waits for its end (scenario moves to undo on
 * rollback, notifications to deliver on commit). The engine adds entries and work while it
 * answers; the protocol layer applies each statement's end ({@link #statementEnded}), a batch's
 * end and the session's end. Used from the session's own thread only (another thread asks for a
 * {@link #snapshot} through that thread: see SessionHandler.openTransaction).
 */
public final class SessionTransaction {
    /** Something the transaction's end settles: commit it, or roll it back. */
    public interface Work {
        default void commit() {
        }

        default void rollback() {
        }
    }

    private final List<JournalRecord> statements = new ArrayList<>();
    private final List<Work> work = new ArrayList<>();
    private final List<Savepoint> savepoints = new ArrayList<>();
    private TransactionStatus status = TransactionStatus.IDLE;
    private boolean implicitOpen;
    private Runnable onEnd = () -> { };

    /** Runs whenever a transaction ends (the protocol layer's portals die with it). */
    public void onEnd(Runnable action) {
        this.onEnd = action;
    }

    public TransactionStatus status() {
        return status;
    }

    /** In a failed block everything but the statements that end it is refused (25P02). */
    public boolean refuses(TransactionEffect effect) {
        return status == TransactionStatus.FAILED && !effect.allowedInFailedBlock();
    }

    /** A journaled statement: its outcome is set when the transaction ends. */
    public void recorded(JournalRecord record) {
        statements.add(record);
    }

    /** Work settled by the transaction's end, or undone by a rollback to an earlier savepoint. */
    public void enlist(Work item) {
        work.add(item);
    }

    /** As {@link #enlist}, unless an equal item is already waiting (PostgreSQL folds repeated notifications). */
    public void enlistOnce(Work item) {
        if (!work.contains(item)) {
            work.add(item);
        }
    }

    public boolean hasSavepoint(String name) {
        return savepointIndex(name) >= 0;
    }

    /** The status and the open transaction's entries, copied (on the session's loop, like every call here). */
    public OpenTransaction snapshot() {
        List<JournalEntry> entries = new ArrayList<>(statements.size());
        for (JournalRecord record : statements) {
            entries.add(record.entry());
        }
        return new OpenTransaction(status, List.copyOf(entries));
    }

    /**
     * Applies the end of one statement: its effect when it succeeded, the failure when it did
     * not. Returns false when a savepoint it names does not exist: the statement then failed
     * (the caller reports 3B001).
     */
    public boolean statementEnded(TransactionEffect effect, boolean failed) {
        if (failed) {
            failed(effect);
            return true;
        }
        switch (effect.kind()) {
            case NONE -> implicitOpen |= status == TransactionStatus.IDLE;
            case BEGIN -> {
                if (status == TransactionStatus.IDLE) {
                    status = TransactionStatus.IN_BLOCK;
                }
            }
            case COMMIT -> {
                if (status != TransactionStatus.IDLE || implicitOpen) {
                    end(status != TransactionStatus.FAILED);
                }
            }
            case ROLLBACK -> {
                if (status != TransactionStatus.IDLE || implicitOpen) {
                    end(false);
                }
            }
            case SAVEPOINT -> {
                if (status == TransactionStatus.IN_BLOCK) {
                    savepoints.add(new Savepoint(effect.savepoint(), work.size()));
                }
            }
            case RELEASE -> {
                return status != TransactionStatus.IN_BLOCK || release(effect.savepoint());
            }
            case ROLLBACK_TO -> {
                return status == TransactionStatus.IDLE || rollbackTo(effect.savepoint());
            }
        }
        return true;
    }

    /**
     * End of a simple query string or a Sync: the implicit transaction commits. Outside a block
     * it ends even when no statement completed in it (a Bind alone, an Execute suspended at its
     * row limit): PostgreSQL drops the batch's portals then.
     */
    public void endOfBatch() {
        if (status == TransactionStatus.IDLE) {
            end(true);
        }
    }

    /**
     * The connection is going away: an open transaction is rolled back, including a statement
     * cut off while it was being answered (a fault, a lost client).
     */
    public void abandon() {
        if (status != TransactionStatus.IDLE || implicitOpen || !statements.isEmpty() || !work.isEmpty()) {
            end(false);
        }
    }

    /** A statement failed: a block becomes failed, an implicit transaction rolls back. */
    private void failed(TransactionEffect effect) {
        if (status == TransactionStatus.IN_BLOCK && effect.kind() == TransactionEffect.Kind.COMMIT) {
            end(false); // a COMMIT that fails (e.g. 40001) ends the transaction rolled back
        } else if (status == TransactionStatus.IN_BLOCK) {
            status = TransactionStatus.FAILED;
        } else if (status == TransactionStatus.IDLE) {
            // The implicit transaction rolls back, including when the failing statement was
            // its first: else that statement would take the next transaction's outcome.
            end(false);
        }
    }

    private boolean release(String name) {
        int index = savepointIndex(name);
        if (index < 0) {
            failed(TransactionEffect.NONE);
            return false;
        }
        savepoints.subList(index, savepoints.size()).clear();
        return true;
    }

    /** Undoes the work done since the savepoint, newest first; the savepoint stays, later ones go. */
    private boolean rollbackTo(String name) {
        int index = savepointIndex(name);
        if (index < 0) {
            failed(TransactionEffect.NONE);
            return false;
        }
        rollBack(savepoints.get(index).workMark());
        savepoints.subList(index + 1, savepoints.size()).clear();
        status = TransactionStatus.IN_BLOCK;
        return true;
    }

    private void end(boolean committed) {
        status = TransactionStatus.IDLE;
        implicitOpen = false;
        savepoints.clear();
        String outcome = committed ? JournalRecord.COMMITTED : JournalRecord.ROLLED_BACK;
        // indexed loops: the common end, of one statement's implicit transaction, allocates nothing
        for (int i = 0; i < statements.size(); i++) {
            statements.get(i).outcome(outcome);
        }
        statements.clear();
        if (committed) {
            for (int i = 0; i < work.size(); i++) {
                work.get(i).commit();
            }
            work.clear();
        } else {
            rollBack(0);
        }
        onEnd.run();
    }

    private void rollBack(int from) {
        for (int i = work.size() - 1; i >= from; i--) {
            work.get(i).rollback();
        }
        work.subList(from, work.size()).clear();
    }

    private int savepointIndex(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private record Savepoint(String name, int workMark) {
    }
}
