package io.mockpg.internal.journal;

import io.mockpg.internal.matching.RuleCheck;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.sql.SqlPattern;
import io.mockpg.internal.sql.SqlStatement;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which journal records a verification counts: a rule's match keys (the same normalized SQL
 * matching, regex and params as a rule, docs/script-reference.md) plus what only a record
 * has: the rule that answered and how its transaction ended. Null members are "not given".
 *
 * @param sql         normalized SQL, or null
 * @param regex       found in the statement text, or null
 * @param params      one matcher per parameter, or null
 * @param user        the session's user, or null
 * @param database    the session's database, or null
 * @param ruleId      the answering rule's display name, or null
 * @param outcome     "committed" or "rolled_back", or null
 * @param description how the user wrote the query, for messages
 */
public record JournalQuery(SqlPattern sql, Pattern regex, List<ParamMatcher> params, String user, String database,
                           String ruleId, String outcome, String description) {

    /** A query by normalized SQL alone ({@code server.verify(count, sql)}). */
    public static JournalQuery sql(String sql) {
        SqlPattern pattern = SqlPattern.compile(sql);
        return new JournalQuery(pattern, null, null, null, null, null, null, pattern.normalized());
    }

    /** Whether the record's session, answering rule and outcome fit; the statement itself is not looked at. */
    boolean fits(JournalRecord record) {
        return (user == null || user.equals(record.user())) && (database == null || database.equals(record.database()))
                && (ruleId == null || ruleId.equals(record.ruleId()))
                && (outcome == null || outcome.equals(record.outcome()));
    }

    /**
     * The parameters the statement's verdict depends on: a simple-protocol statement's literals
     * are in its text when the query compares SQL, so its verdict depends on the text alone.
     */
    List<String> verdictParams(JournalRecord record) {
        return sql != null && !record.extended() ? List.of() : record.params();
    }

    /**
     * Whether the statement matches the SQL or regex and the params.
     *
     * @param statement the record's SQL parsed, or null when it cannot be lexed (or no SQL is compared)
     */
    boolean matchesStatement(JournalRecord record, SqlStatement statement) {
        List<String> values;
        if (sql != null) {
            if (statement == null) {
                return false;
            }
            values = sql.match(statement, record.extended() ? record.params() : List.of());
            if (values == null) {
                return false;
            }
        } else {
            if (regex != null && !regex.matcher(record.sql()).find()) {
                return false;
            }
            values = record.params();
        }
        return params == null || RuleCheck.paramsMatch(params, values);
    }
}
