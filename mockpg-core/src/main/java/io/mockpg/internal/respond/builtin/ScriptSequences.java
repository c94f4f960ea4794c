package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sequences a script declares by scripting {@code select nextval('name')}: the first
 * answer is the start value, the difference of the first two answers of a {@code respond}
 * list the increment (1 with a single answer), so that an ORM that checks its generator's
 * increment against the catalog (Hibernate's pooled optimizer) sees the sequence the script
 * hands out values from.
 */
final class ScriptSequences {
    private static final Pattern NEXTVAL = Pattern.compile(
            "(?i)^\\s*select\\s+nextval\\s*\\(\\s*'([^']+)'(?:\\s*::\\s*regclass)?\\s*\\)\\s*;?\\s*$");

    /** A sequence: schema, name, start value and increment. */
    record Sequence(String schema, String name, long start, long increment) {
    }

    private ScriptSequences() {
    }

    /** The declared sequences, the first rule for a name winning (rules come in precedence order). */
    static List<Sequence> declared(List<Rule> rules) {
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String sql = rule.match() == null ? null : rule.match().sql();
            Matcher matcher = sql == null ? null : NEXTVAL.matcher(sql);
            if (matcher == null || !matcher.matches()) {
                continue;
            }
            List<Long> values = values(rule.responses());
            if (values.isEmpty()) {
                continue;
            }
            String qualified = matcher.group(1).toLowerCase(Locale.ROOT);
            int dot = qualified.lastIndexOf('.');
            String schema = dot < 0 ? "public" : qualified.substring(0, dot);
            String name = qualified.substring(dot + 1);
            long increment = values.size() > 1 ? values.get(1) - values.get(0) : 1;
            sequences.putIfAbsent(schema + "." + name, new Sequence(schema, name, values.get(0), increment));
        }
        return new ArrayList<>(sequences.values());
    }

    /** The first value of each response that answers one number. */
    private static List<Long> values(List<Response> responses) {
        List<Long> values = new ArrayList<>();
        for (Response response : responses) {
            if (response.rows() == null || response.rows().isEmpty() || response.rows().get(0).isEmpty()) {
                return values;
            }
            Object value = response.rows().get(0).get(0);
            if (value instanceof Number number) {
                values.add(number.longValue());
            } else if (value instanceof String text && text.matches("-?\\d+")) {
                values.add(Long.parseLong(text));
            } else {
                return values;
            }
        }
        return values;
    }
}
