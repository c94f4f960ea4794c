package io.mockpg.internal.script.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Writes a rule as the YAML that loads back into it (docs/script-reference.md): an entry of a
 * script's {@code rules:}, ready to paste. Strings are written double-quoted with JSON's escapes
 * (a subset of YAML's), so no value is read back as another type; row values are written in
 * their column type's PostgreSQL text form.
 */
public final class RuleYaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleYaml() {
    }

    /** The rule as one {@code - ...} entry of {@code rules:}, indented two spaces per level. */
    public static String entry(Rule rule) {
        StringBuilder out = new StringBuilder();
        String first = "- ";
        if (rule.id() != null) {
            out.append(first).append("id: ").append(quote(rule.id())).append('\n');
            first = "  ";
        }
        Match match = rule.match() == null ? Match.ANY : rule.match();
        if (!match.equals(Match.ANY)) {
            out.append(first).append("match:\n");
            first = "  ";
            match(out, match);
        }
        if (rule.times() != null) {
            out.append(first).append("times: ").append(rule.times()).append('\n');
            first = "  ";
        }
        if (rule.scenario() != null) {
            out.append(first).append("scenario: ").append(quote(rule.scenario())).append('\n');
            first = "  ";
            if (rule.state() != null) {
                out.append("  state: ").append(quote(rule.state())).append('\n');
            }
            if (rule.nextState() != null) {
                out.append("  next_state: ").append(quote(rule.nextState())).append('\n');
            }
        }
        out.append(first).append("respond:");
        if (rule.responses().size() == 1) {
            out.append('\n');
            response(out, rule.responses().get(0), "    ");
        } else {
            out.append('\n');
            for (Response response : rule.responses()) {
                StringBuilder item = new StringBuilder();
                response(item, response, "      ");
                out.append("    - ").append(item.substring(6));
            }
        }
        return out.toString();
    }

    /** A whole script holding the rules, for loading. */
    public static String script(List<Rule> rules) {
        StringBuilder out = new StringBuilder("rules:\n");
        for (Rule rule : rules) {
            for (String line : entry(rule).split("\n")) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static void match(StringBuilder out, Match match) {
        if (match.sql() != null) {
            out.append("    sql: ").append(quote(match.sql())).append('\n');
        }
        if (match.regex() != null) {
            out.append("    regex: ").append(quote(match.regex().pattern())).append('\n');
        }
        if (match.params() != null) {
            out.append("    params: [");
            for (int i = 0; i < match.params().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(param(match.params().get(i)));
            }
            out.append("]\n");
        }
        if (match.paramTypes() != null) {
            out.append("    param_types: [");
            for (int i = 0; i < match.paramTypes().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(quote(match.paramTypes().get(i)));
            }
            out.append("]\n");
        }
        if (match.user() != null) {
            out.append("    user: ").append(quote(match.user())).append('\n');
        }
        if (match.database() != null) {
            out.append("    database: ").append(quote(match.database())).append('\n');
        }
    }

    /** One params entry: a scalar compared by value, null, {regex: R} or {any: true}. */
    public static String param(ParamMatcher matcher) {
        if (matcher instanceof ParamMatcher.Equals equals) {
            return quote(equals.text());
        }
        if (matcher instanceof ParamMatcher.NumberEquals number) {
            return number.number().toPlainString();
        }
        if (matcher instanceof ParamMatcher.BooleanEquals bool) {
            return String.valueOf(bool.bool());
        }
        if (matcher instanceof ParamMatcher.Regex regex) {
            return "{regex: " + quote(regex.pattern().pattern()) + "}";
        }
        if (matcher instanceof ParamMatcher.Any) {
            return "{any: true}";
        }
        return "null";
    }

    private static void response(StringBuilder out, Response response, String indent) {
        int start = out.length();
        if (response.columns() != null) {
            out.append(indent).append("columns:\n");
            for (Response.Column column : response.columns()) {
                out.append(indent).append("  - ").append(quote(column.name())).append(": ").append(quote(column.type()))
                        .append('\n');
            }
            if (!response.rows().isEmpty()) {
                out.append(indent).append("rows:\n");
                for (List<Object> row : response.rows()) {
                    out.append(indent).append("  - [");
                    for (int i = 0; i < row.size(); i++) {
                        out.append(i == 0 ? "" : ", ").append(value(row.get(i), response.columns().get(i).type()));
                    }
                    out.append("]\n");
                }
            }
        }
        if (response.repeat() != 1) {
            out.append(indent).append("repeat: ").append(response.repeat()).append('\n');
        }
        if (response.tag() != null) {
            out.append(indent).append("tag: ").append(quote(response.tag())).append('\n');
        }
        if (response.affected() != null) {
            out.append(indent).append("affected: ").append(response.affected()).append('\n');
        }
        if (response.error() != null) {
            error(out, response.error(), indent);
        }
        if (!response.notices().isEmpty()) {
            out.append(indent).append("notices:\n");
            for (Response.NoticeSpec notice : response.notices()) {
                out.append(indent).append("  - {severity: ").append(quote(notice.severity()));
                field(out, "code", notice.code());
                field(out, "message", notice.message());
                field(out, "detail", notice.detail());
                field(out, "hint", notice.hint());
                out.append("}\n");
            }
        }
        if (response.delay() != null) {
            out.append(indent).append("delay: ").append(duration(response.delay())).append('\n');
        }
        if (response.fault() != null) {
            String type = response.fault().type() == Response.FaultType.RESET ? "reset" : "close";
            out.append(indent).append("fault: ");
            out.append(response.fault().afterRows() == null ? type
                    : "{type: " + type + ", after_rows: " + response.fault().afterRows() + "}").append('\n');
        }
        if (!response.notifications().isEmpty()) {
            out.append(indent).append("notify:\n");
            for (Response.NotifySpec notify : response.notifications()) {
                out.append(indent).append("  - {channel: ").append(quote(notify.channel())).append(", payload: ")
                        .append(quote(notify.payload())).append("}\n");
            }
        }
        if (response.copy()) {
            out.append(indent).append("copy: true\n");
        }
        if (out.length() == start) {
            out.append(indent).append("{}\n"); // the verb's tag and no rows
        }
    }

    private static void error(StringBuilder out, Response.ErrorSpec error, String indent) {
        out.append(indent).append("error:\n");
        String in = indent + "  ";
        out.append(in).append("code: ").append(quote(error.code())).append('\n');
        out.append(in).append("message: ").append(quote(error.message())).append('\n');
        if (error.severity() != null && !error.severity().equals("ERROR")) {
            out.append(in).append("severity: ").append(error.severity()).append('\n');
        }
        line(out, in, "detail", error.detail());
        line(out, in, "hint", error.hint());
        line(out, in, "schema", error.schema());
        line(out, in, "table", error.table());
        line(out, in, "column", error.column());
        line(out, in, "constraint", error.constraint());
        if (error.position() != null) {
            out.append(in).append("position: ").append(error.position()).append('\n');
        }
    }

    private static void line(StringBuilder out, String indent, String key, String value) {
        if (value != null) {
            out.append(indent).append(key).append(": ").append(quote(value)).append('\n');
        }
    }

    private static void field(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(", ").append(key).append(": ").append(quote(value));
        }
    }

    /** A row value in its column type's text form; a template as written. */
    private static String value(Object value, String typeName) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text && text.contains("{{")) {
            return quote(text);
        }
        PgType type = PgTypes.byName(typeName);
        return quote(type == null ? String.valueOf(value) : type.toText(value));
    }

    private static String duration(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString() + "ms";
    }

    /** A double-quoted YAML scalar: JSON's escapes are YAML's. */
    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
