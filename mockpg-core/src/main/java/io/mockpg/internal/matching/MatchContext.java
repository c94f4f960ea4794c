package io.mockpg.internal.matching;

import io.mockpg.internal.sql.SqlStatement;

import java.util.List;

/**
 * One statement to match, with what rules may check about it.
 *
 * @param statement  the parsed statement
 * @param boundParams bind parameters (text form, null = SQL NULL); empty for the simple protocol
 * @param extended   true for the extended protocol
 * @param user       the session's user
 * @param database   the session's database
 */
public record MatchContext(SqlStatement statement, List<String> boundParams, boolean extended, String user,
                           String database) {
    /** The statement text as received (what match.regex is applied to). */
    public String text() {
        return statement.text();
    }
}
