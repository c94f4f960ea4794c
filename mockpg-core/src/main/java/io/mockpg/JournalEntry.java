package io.mockpg;

import java.time.Instant;
import java.util.List;

/**
 * One statement received by the server (docs/junit5.md).
 *
 * @param sessionId the session's process id
 * @param user      the session's user
 * @param database  the session's database
 * @param protocol  "simple" or "extended"
 * @param sql       the statement as received
 * @param params    text forms (null = SQL NULL): bind parameters, or for the simple protocol the
 *                  literals the matching rule's placeholders captured
 * @param ruleId    the answering rule's id (or {@code SOURCE#N} when it has none); {@code "builtin"} for a
 *                  built-in answer; {@code "rejected:25P02"} for a statement refused in a failed
 *                  transaction; null when unmatched
 * @param outcome   "committed", "rolled_back", or "none" while its transaction is open
 * @param copyData  the data of a COPY FROM STDIN, else null
 * @param time      when it arrived
 */
public record JournalEntry(long sessionId, String user, String database, String protocol, String sql,
                           List<String> params, String ruleId, String outcome, String copyData, Instant time) {
    public JournalEntry {
        params = params == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** Whether no script rule or built-in answered it. */
    public boolean unmatched() {
        return ruleId == null;
    }
}
