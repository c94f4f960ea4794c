package io.mockpg.journal;

import io.mockpg.JournalEntry;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One journal line while it is still being written: the outcome is filled in when its
 * transaction ends and the COPY data when it arrives. Readers take {@link #entry()} snapshots.
 */
public final class JournalRecord {
    /** Outcome while the statement's transaction is open. */
    public static final String NONE = "none";
    public static final String COMMITTED = "committed";
    public static final String ROLLED_BACK = "rolled_back";

    private final long sessionId;
    private final String user;
    private final String database;
    private final String protocol;
    private final String sql;
    private final List<String> params;
    private final String ruleId;
    private final Instant time;
    private final Supplier<String> nearMissReport;
    private volatile String outcome = NONE;
    private volatile String copyData;
    private volatile String cachedReport;

    /**
     * @param nearMissReport computes the near-miss report of an unmatched statement (called at
     *                       most once, lazily), or null when it matched
     */
    public JournalRecord(long sessionId, String user, String database, boolean extended, String sql,
                         List<String> params, String ruleId, Instant time, Supplier<String> nearMissReport) {
        this.sessionId = sessionId;
        this.user = user;
        this.database = database;
        this.protocol = extended ? "extended" : "simple";
        this.sql = sql;
        this.params = params;
        this.ruleId = ruleId;
        this.time = time;
        this.nearMissReport = nearMissReport;
    }

    public JournalEntry entry() {
        return new JournalEntry(sessionId, user, database, protocol, sql, params, ruleId, outcome, copyData, time);
    }

    public boolean unmatched() {
        return ruleId == null;
    }

    /** The near-miss report of an unmatched statement ("" for a matched one). */
    public String nearMissReport() {
        if (nearMissReport == null) {
            return "";
        }
        String report = cachedReport;
        if (report == null) {
            report = nearMissReport.get();
            cachedReport = report;
        }
        return report;
    }

    void outcome(String newOutcome) {
        this.outcome = newOutcome;
    }

    void copyData(String data) {
        this.copyData = data;
    }
}
