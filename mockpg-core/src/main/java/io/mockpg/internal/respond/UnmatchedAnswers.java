package io.mockpg.internal.respond;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.RowSource;
import io.mockpg.internal.sql.SqlStatement;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What an unmatched statement gets (docs/script-reference.md, "Top level"). */
final class UnmatchedAnswers {
    /** SQLSTATE of "no rule matches". */
    static final String NO_RULE = "MP001";
    private static final Set<String> ROW_VERBS = Set.of("SELECT", "WITH", "VALUES", "SHOW", "TABLE");
    private static final RowSource NO_ROWS = () -> null;

    private UnmatchedAnswers() {
    }

    /** {@code unmatched: error}: MP001 with the statement as sent and the near-miss report. */
    static Answer error(String sql, String detail) {
        ErrorFields fields = ErrorFields.error(NO_RULE, "mockpg: no rule matches: " + sql);
        return Answer.of(new Result.Error(detail == null || detail.isEmpty() ? fields : fields.withDetail(detail)));
    }

    /**
     * {@code unmatched: empty}: a zero-column row result tagged {@code SELECT 0} for a
     * row-returning verb; the verb's tag with 0 rows for any other.
     */
    static Answer empty(SqlStatement statement) {
        String verb = statement.verb().toUpperCase(Locale.ROOT);
        if (verb.isEmpty()) {
            return Answer.of(new Result.Empty());
        }
        if (ROW_VERBS.contains(verb)) {
            return Answer.of(new Result.Rows(List.of(), NO_ROWS, "SELECT 0", "SELECT", 0L));
        }
        return Answer.of(new Result.Command(CommandTags.tag(statement, 0)));
    }
}
