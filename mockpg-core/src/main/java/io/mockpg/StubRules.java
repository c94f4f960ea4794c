package io.mockpg;

import io.mockpg.internal.journal.JournalQuery;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.sql.SqlPattern;
import io.mockpg.internal.stub.JavaValues;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds the internal rule a {@link Stub} stands for: the same record the YAML loader builds
 * for the same rule, checked as strictly (docs/script-reference.md), with a message that says
 * what to change in the Java.
 */
final class StubRules {
    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
    private static final Set<String> NOTICE_SEVERITIES = Set.of("WARNING", "NOTICE", "INFO", "LOG", "DEBUG",
            "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5");

    private StubRules() {
    }

    /** @throws IllegalArgumentException naming the stub and what to change */
    static Rule rule(Stub stub, String source, int position) {
        try {
            return build(stub, source, position);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stub " + stub.pattern + ": " + e.getMessage(), e);
        }
    }

    private static Rule build(Stub stub, String source, int position) {
        StatementPattern pattern = stub.pattern;
        if (pattern.scenario == null && (pattern.state != null || pattern.nextState != null)) {
            throw new IllegalArgumentException("whenState/willSetStateTo need inScenario(name) first");
        }
        if (pattern.outcome != null) {
            throw new IllegalArgumentException("committed()/rolledBack() narrow a verification, not a stub: remove it");
        }
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < stub.answers.size(); i++) {
            try {
                responses.add(response(stub.answers.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(stub.answers.size() == 1 ? e.getMessage()
                        : "answer " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Rule(pattern.id, match(pattern), responses, pattern.times, pattern.scenario, pattern.state,
                pattern.nextState, source, position);
    }

    /** The match of a pattern, {@link Match#ANY} when it gives nothing. */
    static Match match(StatementPattern pattern) {
        Pattern regex = null;
        if (pattern.regex != null) {
            try {
                regex = Pattern.compile(pattern.regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex: " + e.getDescription() + " near index " + e.getIndex());
            }
        }
        List<ParamMatcher> params = pattern.params == null ? null : params(pattern.params);
        if (pattern.paramTypes != null) {
            for (String type : pattern.paramTypes) {
                if (PgTypes.byName(type) == null) {
                    throw new IllegalArgumentException("unknown type '" + type + "' in withParamTypes");
                }
            }
        }
        if (pattern.sql == null && regex == null && params == null && pattern.paramTypes == null && pattern.user == null
                && pattern.database == null) {
            return Match.ANY;
        }
        return new Match(pattern.sql, regex, params, pattern.paramTypes, pattern.user, pattern.database);
    }

    /** What a verification with this pattern counts: its match keys, rule id and outcome. */
    static JournalQuery query(StatementPattern pattern) {
        Match match;
        try {
            match = match(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pattern + ": " + e.getMessage(), e);
        }
        return new JournalQuery(match.sql() == null ? null : SqlPattern.compile(match.sql()), match.regex(),
                match.params(), match.user(), match.database(), pattern.id, pattern.outcome, pattern.toString());
    }

    private static List<ParamMatcher> params(List<Object> values) {
        List<ParamMatcher> matchers = new ArrayList<>(values.size());
        for (Object value : values) {
            matchers.add(param(value));
        }
        return List.copyOf(matchers);
    }

    /** As a script's params entry: numbers numerically, booleans as booleans, the rest by text. */
    private static ParamMatcher param(Object value) {
        if (value == null) {
            return new ParamMatcher.IsNull();
        }
        if (value instanceof ParamPattern pattern) {
            return pattern.matcher();
        }
        if (value instanceof Boolean bool) {
            return new ParamMatcher.BooleanEquals(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return new ParamMatcher.NumberEquals(new BigDecimal(value.toString()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a params number must be finite, found " + value
                        + ": give it as the String \"" + JavaValues.text(value) + "\"");
            }
            return new ParamMatcher.NumberEquals(new BigDecimal(value.toString()));
        }
        return new ParamMatcher.Equals(JavaValues.text(value));
    }

    private static Response response(Answer answer) {
        if (!answer.misuses.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", answer.misuses) + " does not fit " + kind(answer)
                    + ": " + remedy(answer));
        }
        Response.ErrorSpec error = answer.error == null ? null : error(answer.error);
        List<Response.Column> columns = null;
        List<List<Object>> rows = List.of();
        if (answer.columns != null) {
            if (answer.columns.isEmpty()) {
                throw new IllegalArgumentException("rows() needs at least one column, e.g. rows(column(\"id\", \"int4\"))");
            }
            columns = new ArrayList<>();
            List<PgType> types = new ArrayList<>();
            for (Column column : answer.columns) {
                PgType type = PgTypes.byName(column.type());
                if (type == null) {
                    throw new IllegalArgumentException("unknown type '" + column.type() + "' of column '" + column.name()
                            + "': give a PostgreSQL type name such as int4, text, numeric, timestamptz, jsonb or int4[]");
                }
                columns.add(new Response.Column(column.name(), column.type()));
                types.add(type);
            }
            rows = rows(answer, types);
        }
        if (answer.fault == Fault.CLOSED_MID_RESULT && columns == null) {
            throw new IllegalArgumentException("CLOSED_MID_RESULT closes the connection after the first row of a result:"
                    + " give rows, e.g. rows(column(\"id\", \"int4\")).row(1).row(2).closeAfterRows(1)");
        }
        List<Response.NoticeSpec> notices = new ArrayList<>();
        for (Notice notice : answer.notices) {
            notices.add(notice(notice));
        }
        List<Response.NotifySpec> notifications = new ArrayList<>();
        for (String[] notification : answer.notifications) {
            if (notification[0] == null) {
                throw new IllegalArgumentException("notify needs a channel");
            }
            notifications.add(new Response.NotifySpec(notification[0], notification[1] == null ? "" : notification[1]));
        }
        if (answer.delay != null && answer.delay.isNegative()) {
            throw new IllegalArgumentException("delay(" + answer.delay + ") is negative: give 0 or more");
        }
        Response.FaultSpec fault = null;
        if (answer.fault != null && answer.error == null) {
            fault = new Response.FaultSpec(answer.faultReset ? Response.FaultType.RESET : Response.FaultType.CLOSE,
                    answer.faultAfterRows);
        }
        long repeat = answer.repeat == null ? 1 : answer.repeat;
        if (repeat < 0 || answer.affected != null && answer.affected < 0) {
            throw new IllegalArgumentException("repeat and affected must be 0 or more");
        }
        return new Response(columns, rows, repeat, answer.tag, answer.affected, error, notices, answer.delay, fault,
                notifications, answer.copy);
    }

    private static List<List<Object>> rows(Answer answer, List<PgType> types) {
        List<List<Object>> rows = new ArrayList<>(answer.rows.size());
        int width = types.size();
        for (int r = 0; r < answer.rows.size(); r++) {
            List<Object> values = answer.rows.get(r);
            if (values.size() != width) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + count(values.size(), "value") + " but "
                        + count(width, "column") + (width == 1 ? " is" : " are") + " declared: give one value per column");
            }
            List<Object> row = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                Column column = answer.columns.get(i);
                Object value = values.get(i);
                try {
                    row.add(JavaValues.forColumn(value, types.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("row " + (r + 1) + ": value " + shown(value) + " does not fit column '"
                            + column.name() + "' of type " + types.get(i).name() + ": " + e.getMessage(), e);
                }
            }
            rows.add(java.util.Collections.unmodifiableList(row));
        }
        return java.util.Collections.unmodifiableList(rows);
    }

    private static Response.ErrorSpec error(Answer.Error error) {
        if (error.code() == null || !SQLSTATE.matcher(error.code()).matches()) {
            throw new IllegalArgumentException("error code " + (error.code() == null ? "null" : "'" + error.code() + "'")
                    + " is not a SQLSTATE: give 5 characters 0-9 or A-Z, e.g. error(\"23505\", message)");
        }
        if (error.message() == null) {
            throw new IllegalArgumentException("error " + error.code() + " needs a message");
        }
        if (error.severity() != null && !error.severity().equals("ERROR") && !error.severity().equals("FATAL")) {
            throw new IllegalArgumentException("error severity '" + error.severity() + "': give ERROR or FATAL");
        }
        return new Response.ErrorSpec(error.code(), error.message(), error.severity() == null ? "ERROR" : error.severity(),
                error.detail(), error.hint(), error.schema(), error.table(), error.column(), error.constraint(),
                error.position(), error.where(), error.dataType(), error.internalPosition(), error.internalQuery(),
                error.file(), error.line(), error.routine());
    }

    private static Response.NoticeSpec notice(Notice notice) {
        if (notice.severity != null && !NOTICE_SEVERITIES.contains(notice.severity)) {
            throw new IllegalArgumentException("notice severity '" + notice.severity + "': give one of "
                    + "WARNING, NOTICE, INFO, LOG, DEBUG1..DEBUG5");
        }
        if (notice.code != null && !SQLSTATE.matcher(notice.code).matches()) {
            throw new IllegalArgumentException("notice code '" + notice.code + "' is not a SQLSTATE: give 5 characters"
                    + " 0-9 or A-Z, e.g. 01000");
        }
        return new Response.NoticeSpec(notice.severity == null ? "NOTICE" : notice.severity, notice.code, notice.message,
                notice.detail, notice.hint, notice.where, notice.file, notice.line, notice.routine);
    }

    private static String kind(Answer answer) {
        return switch (answer.kind) {
            case ROWS -> "a rows(...) answer";
            case ERROR -> "an error(...) answer";
            case FAULT -> "a fault(...) answer";
            case COMMAND -> "a command answer (affected/tag/empty/copy)";
        };
    }

    private static String remedy(Answer answer) {
        return switch (answer.kind) {
            case ROWS, COMMAND -> "error fields belong to error(code, message); rows to rows(column(...), ...)";
            case ERROR -> "an error has no rows, tag or count: answer rows or a count in a separate answer"
                    + " (willReturn(error(...)).thenReturn(rows(...)))";
            case FAULT -> "a fault sends nothing: give the rows first, e.g. rows(...).row(...).closeAfterRows(1)";
        };
    }

    private static String shown(Object value) {
        String text = value instanceof byte[] bytes ? "byte[" + bytes.length + "]" : String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return (value instanceof String ? "\"" + text + "\"" : text)
                + (value == null ? "" : " (" + value.getClass().getSimpleName() + ")");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
