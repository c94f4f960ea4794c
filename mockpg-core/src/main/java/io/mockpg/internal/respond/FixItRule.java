package io.mockpg.internal.respond;

import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.yaml.RuleYaml;
import io.mockpg.internal.sql.SqlStatement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The end of an unmatched statement's report: a rule that answers it, ready to paste into a
 * script (YAML) or a test (Java, {@code MockPgDsl}), its parameters filled in. It answers rows of
 * one text column for a row-returning statement and one affected row otherwise: the user edits
 * the answer, the match is right as it stands.
 */
public final class FixItRule {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]+)?");
    /** Longest statement a fix-it is written for: a bulk insert's rule would bury the report. */
    private static final int MAX_SQL = 2000;

    private FixItRule() {
    }

    /** The YAML section of a report, or "" for a statement too long to be worth pasting. */
    public static String yaml(String sql, List<String> params) {
        if (sql.length() > MAX_SQL || sql.isBlank()) {
            return "";
        }
        return "add this rule to answer it (edit the answer):\n" + RuleYaml.entry(rule(sql, params)).stripTrailing();
    }

    /** The same rule as a {@code server.stub(...)} call with {@code import static io.mockpg.MockPgDsl.*}. */
    public static String java(String sql, List<String> params) {
        if (sql.length() > MAX_SQL || sql.isBlank()) {
            return "";
        }
        StringBuilder java = new StringBuilder("server.stub(statement(").append(RuleYaml.quote(sql)).append(')');
        if (!params.isEmpty()) {
            java.append(".withParams(");
            for (int i = 0; i < params.size(); i++) {
                String value = params.get(i);
                java.append(i == 0 ? "" : ", ")
                        .append(value == null ? "null" : isNumber(value) ? javaNumber(value) : RuleYaml.quote(value));
            }
            java.append(')');
        }
        java.append(rowReturning(sql) ? "\n        .willReturn(rows(column(\"result\", \"text\")).row(\"edit me\")));"
                : "\n        .willReturn(affected(1)));");
        return java.toString();
    }

    private static Rule rule(String sql, List<String> params) {
        List<ParamMatcher> matchers = null;
        if (!params.isEmpty()) {
            matchers = new ArrayList<>();
            for (String value : params) {
                matchers.add(value == null ? new ParamMatcher.IsNull()
                        : isNumber(value) ? new ParamMatcher.NumberEquals(new BigDecimal(value))
                        : new ParamMatcher.Equals(value));
            }
        }
        Response response = rowReturning(sql)
                ? new Response(List.of(new Response.Column("result", "text")), List.of(List.of("edit me")), 1, null,
                        null, null, List.of(), null, null, List.of(), false)
                : new Response(null, List.of(), 1, null, 1L, null, List.of(), null, null, List.of(), false);
        return new Rule(null, new Match(sql, null, matchers, null, null, null), List.of(response), null, null, null,
                null, "fix-it", 1);
    }

    private static boolean rowReturning(String sql) {
        try {
            return UnmatchedAnswers.ROW_VERBS.contains(SqlStatement.parse(sql).verb().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unlexable) {
            return false;
        }
    }

    private static boolean isNumber(String value) {
        return NUMBER.matcher(value).matches();
    }

    private static String javaNumber(String value) {
        if (value.contains(".")) {
            return "new java.math.BigDecimal(\"" + value + "\")";
        }
        long number = Long.parseLong(value);
        return number == (int) number ? value : value + "L";
    }
}
