package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * One journal line while it is still being written: the outcome is filled in when its
 * transaction ends and the COPY data when it arrives. Readers take {@link #entry()} snapshots.
 *
 * <p>Compact, because a server under load keeps millions of them (every statement stays in the
 * journal): the session's fields are one shared {@link Origin}, the time a long, the parameters
 * an array. Each object less per record is work the garbage collector does for every statement.
 */
public final class JournalRecord {
    /** Outcome while the statement's transaction is open. */
    public static final String NONE = "none";
    public static final String COMMITTED = "committed";
    public static final String ROLLED_BACK = "rolled_back";

    private static final String[] NO_PARAMS = new String[0];

    private final Origin origin;
    private final boolean extended;
    private final String sql;
    private final String[] params;
    private final String ruleId;
    private final long epochNanos;
    private final Supplier<String> nearMissReport;
    private volatile String outcome = NONE;
    private volatile String copyData;
    private volatile String cachedReport;

    /**
     * @param nearMissReport computes the near-miss report of an unmatched statement (called at
     *                       most once, lazily), or null when it matched
     */
    public JournalRecord(Origin origin, boolean extended, String sql, List<String> params, String ruleId,
                         Instant time, Supplier<String> nearMissReport) {
        this.origin = origin;
        this.extended = extended;
        this.sql = sql;
        this.params = params == null || params.isEmpty() ? NO_PARAMS : params.toArray(NO_PARAMS);
        this.ruleId = ruleId;
        this.epochNanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        this.nearMissReport = nearMissReport;
    }

    public JournalEntry entry() {
        return new JournalEntry(origin.sessionId(), origin.user(), origin.database(), extended ? "extended" : "simple",
                sql, Arrays.asList(params), ruleId, outcome, copyData,
                Instant.ofEpochSecond(0, epochNanos));
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

    public void outcome(String newOutcome) {
        this.outcome = newOutcome;
    }

    void copyData(String data) {
        this.copyData = data;
    }

    /** The session a record's statement came from, shared by all of that session's records. */
    public record Origin(long sessionId, String user, String database) {
    }
}
