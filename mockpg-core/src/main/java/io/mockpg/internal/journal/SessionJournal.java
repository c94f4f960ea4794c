package io.mockpg.internal.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * One session's view of the journal: appends its statements and finishes their outcomes
 * when the transaction they belong to ends. Used from the session's own thread only.
 */
public final class SessionJournal {
    private final Journal journal;
    private final List<JournalRecord> openTransaction = new ArrayList<>();
    private JournalRecord last;

    public SessionJournal(Journal journal) {
        this.journal = journal;
    }

    /** Journals a statement; its outcome stays "none" until {@link #transactionEnded}. */
    public void record(JournalRecord record) {
        journal.append(record);
        openTransaction.add(record);
        last = record;
    }

    /** The data of a COPY FROM STDIN, attached to the session's last statement. */
    public void copyReceived(String data) {
        if (last != null) {
            last.copyData(data);
        }
    }

    /** Every statement of the ending transaction gets its outcome. */
    public void transactionEnded(boolean committed) {
        String outcome = committed ? JournalRecord.COMMITTED : JournalRecord.ROLLED_BACK;
        for (JournalRecord record : openTransaction) {
            record.outcome(outcome);
        }
        openTransaction.clear();
    }
}
