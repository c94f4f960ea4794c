package io.mockpg.internal.journal;

import io.mockpg.JournalEntry;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One journal line while it is still being written: the outcome is filled in when its
 * transaction ends and the COPY data when it arrives. Readers take {@link #entry()} snapshots.
 *
 * <p>Compact, because a server under load keeps up to the journal limit of them: the session's
 * fields are one shared {@link Origin}, the time a long, a single parameter its String (an
 * array only for two or more), the protocol and outcome bits of one byte, the near-miss report
 * and the code computing it one field (docs/performance.md has the bytes per entry).
 */
public final class JournalRecord {
    /** Outcome while the statement's transaction is open. */
    public static final String NONE = "none";
    public static final String COMMITTED = "committed";
    public static final String ROLLED_BACK = "rolled_back";
    /** The ruleId of a built-in answer. */
    public static final String BUILTIN = "builtin";

    private static final String[] NO_PARAMS = new String[0];
    private static final byte EXTENDED = 1;
    private static final byte OUTCOME_COMMITTED = 2;
    private static final byte OUTCOME_ROLLED_BACK = 4;

    private final Origin origin;
    private final String sql;
    /** null (none), a String (one non-null parameter) or a String[]. */
    private final Object params;
    private final String ruleId;
    private final long epochNanos;
    /** The near-miss report: a Supplier until computed, then its String; null for a matched statement. */
    private Object report;
    private long sequence;
    private volatile byte flags;
    private volatile String copyData;

    /**
     * @param nearMissReport computes the near-miss report of an unmatched statement (called at
     *                       most once, lazily), or null when it matched
     */
    public JournalRecord(Origin origin, boolean extended, String sql, List<String> params, String ruleId,
                         Instant time, Supplier<String> nearMissReport) {
        this.origin = origin;
        this.flags = extended ? EXTENDED : 0;
        this.sql = sql;
        this.params = params == null || params.isEmpty() ? null
                : params.size() == 1 && params.get(0) != null ? params.get(0) : params.toArray(NO_PARAMS);
        this.ruleId = ruleId;
        this.epochNanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        this.report = nearMissReport;
    }

    public JournalEntry entry() {
        byte bits = flags;
        String outcome = (bits & OUTCOME_COMMITTED) != 0 ? COMMITTED : (bits & OUTCOME_ROLLED_BACK) != 0 ? ROLLED_BACK
                : NONE;
        return new JournalEntry(sequence, origin.sessionId(), origin.user(), origin.database(),
                (bits & EXTENDED) != 0 ? "extended" : "simple", sql, params(), ruleId, outcome, copyData,
                Instant.ofEpochSecond(0, epochNanos), BUILTIN.equals(ruleId), unmatched() ? nearMissReport() : null);
    }

    /** Arrival order, from 1, per server; set when the journal takes the record. */
    public long sequence() {
        return sequence;
    }

    void sequence(long assigned) {
        this.sequence = assigned;
    }

    public String sql() {
        return sql;
    }

    public boolean extended() {
        return (flags & EXTENDED) != 0;
    }

    public String ruleId() {
        return ruleId;
    }

    /** The parameters, text forms (null = SQL NULL). */
    public List<String> params() {
        if (params == null) {
            return List.of();
        }
        if (params instanceof String one) {
            return List.of(one);
        }
        return Collections.unmodifiableList(Arrays.asList((String[]) params));
    }

    public String user() {
        return origin.user();
    }

    public String database() {
        return origin.database();
    }

    /** "committed", "rolled_back" or "none". */
    public String outcome() {
        byte bits = flags;
        return (bits & OUTCOME_COMMITTED) != 0 ? COMMITTED : (bits & OUTCOME_ROLLED_BACK) != 0 ? ROLLED_BACK : NONE;
    }

    public boolean unmatched() {
        return ruleId == null;
    }

    /** The near-miss report of an unmatched statement ("" for a matched one). */
    @SuppressWarnings("unchecked")
    public synchronized String nearMissReport() {
        Object current = report;
        if (current == null) {
            return "";
        }
        if (current instanceof String text) {
            return text;
        }
        String computed = ((Supplier<String>) current).get();
        report = computed;
        return computed;
    }

    public void outcome(String newOutcome) {
        byte outcomeBit = COMMITTED.equals(newOutcome) ? OUTCOME_COMMITTED
                : ROLLED_BACK.equals(newOutcome) ? OUTCOME_ROLLED_BACK : 0;
        this.flags = (byte) ((flags & EXTENDED) | outcomeBit);
    }

    void copyData(String data) {
        this.copyData = data;
    }

    /** The session a record's statement came from, shared by all of that session's records. */
    public record Origin(long sessionId, String user, String database) {
    }
}
