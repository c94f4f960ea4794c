package io.mockpg.internal.journal;

/**
 * One session's view of the journal: appends its statements and keeps the last one for the
 * COPY data that follows it. Outcomes are set by the session's transaction when it ends.
 * Used from the session's own thread only.
 */
public final class SessionJournal {
    private final Journal journal;
    private JournalRecord last;

    public SessionJournal(Journal journal) {
        this.journal = journal;
    }

    /** Journals a statement; its outcome stays "none" until its transaction ends. */
    public void record(JournalRecord record) {
        journal.append(record);
        last = record;
    }

    /** The data of a COPY FROM STDIN, attached to the session's last statement. */
    public void copyReceived(String data) {
        if (last != null) {
            last.copyData(data);
        }
    }
}
