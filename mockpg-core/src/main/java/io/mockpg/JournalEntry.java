package io.mockpg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement received by the server, as {@link MockPgServer#journal()}, {@link MockPgServer#find}
 * and the admin API's {@code GET /journal} show it (docs/junit5.md). Immutable: a snapshot taken
 * when it was read; the outcome of a statement whose transaction is still open is {@code "none"}.
 */
public final class JournalEntry {
    private final long sequence;
    private final long sessionId;
    private final String user;
    private final String database;
    private final String protocol;
    private final String sql;
    private final List<String> params;
    private final String ruleId;
    private final String outcome;
    private final String copyData;
    private final Instant time;
    private final boolean builtin;
    private final String nearMisses;

    /**
     * @param sequence   arrival order, from 1, per server
     * @param sessionId  the session's process id
     * @param user       the session's user
     * @param database   the session's database
     * @param protocol   "simple" or "extended"
     * @param sql        the statement as received
     * @param params     text forms (null = SQL NULL): bind parameters, or for the simple protocol the
     *                   literals the matching rule's placeholders captured
     * @param ruleId     the answering rule's id (or {@code SOURCE#N}); {@code "builtin"} for a built-in
     *                   answer; {@code "rejected:25P02"} for a statement refused in a failed transaction;
     *                   null when unmatched
     * @param outcome    "committed", "rolled_back", or "none" while its transaction is open
     * @param copyData   the data of a COPY FROM STDIN, else null
     * @param time       when it arrived
     * @param builtin    whether a built-in answer (driver chatter, transaction control, ...) answered it
     * @param nearMisses the near-miss report of an unmatched statement, else null
     */
    public JournalEntry(long sequence, long sessionId, String user, String database, String protocol, String sql,
                        List<String> params, String ruleId, String outcome, String copyData, Instant time,
                        boolean builtin, String nearMisses) {
        this.sequence = sequence;
        this.sessionId = sessionId;
        this.user = user;
        this.database = database;
        this.protocol = protocol;
        this.sql = sql;
        this.params = params == null || params.isEmpty() ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(params));
        this.ruleId = ruleId;
        this.outcome = outcome;
        this.copyData = copyData;
        this.time = time;
        this.builtin = builtin;
        this.nearMisses = nearMisses;
    }

    /** Arrival order, from 1, per server (it keeps counting across resets). */
    public long sequence() {
        return sequence;
    }

    public long sessionId() {
        return sessionId;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    /** "simple" or "extended". */
    public String protocol() {
        return protocol;
    }

    /** The statement as received (with {@code $n} for bind parameters). */
    public String sql() {
        return sql;
    }

    /** Text forms, {@code null} for SQL NULL. */
    public List<String> params() {
        return params;
    }

    /** The answering rule's id, {@code "builtin"}, {@code "rejected:25P02"}, or null when unmatched. */
    public String ruleId() {
        return ruleId;
    }

    /** "committed", "rolled_back", or "none" while its transaction is open. */
    public String outcome() {
        return outcome;
    }

    /** The data of a COPY FROM STDIN, else null. */
    public String copyData() {
        return copyData;
    }

    public Instant time() {
        return time;
    }

    /** Whether a built-in answer (driver chatter, transaction control, settings, catalog) answered it. */
    public boolean builtin() {
        return builtin;
    }

    /** The near-miss report of an unmatched statement: the closest rules and how they differ. */
    public Optional<String> nearMisses() {
        return Optional.ofNullable(nearMisses);
    }

    /** Whether no script rule or built-in answered it. */
    public boolean unmatched() {
        return ruleId == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry that && sequence == that.sequence && sessionId == that.sessionId
                && builtin == that.builtin && Objects.equals(user, that.user)
                && Objects.equals(database, that.database) && Objects.equals(protocol, that.protocol)
                && Objects.equals(sql, that.sql) && params.equals(that.params) && Objects.equals(ruleId, that.ruleId)
                && Objects.equals(outcome, that.outcome) && Objects.equals(copyData, that.copyData)
                && Objects.equals(time, that.time) && Objects.equals(nearMisses, that.nearMisses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, sessionId, sql, params, ruleId, outcome, time);
    }

    @Override
    public String toString() {
        return "JournalEntry[sequence=" + sequence + ", sessionId=" + sessionId + ", user=" + user + ", database="
                + database + ", protocol=" + protocol + ", sql=" + sql + ", params=" + params + ", ruleId=" + ruleId
                + ", outcome=" + outcome + ", copyData=" + copyData + ", time=" + time + ", builtin=" + builtin + "]";
    }
}
