package io.mockpg.internal.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.ScriptCheckReport;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code mockpg check --json}: the report, or why there is none, as one JSON object (docs/checking.md). */
final class CheckJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckJson() {
    }

    static String report(ScriptCheckReport report) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("checked", report.checked());
        object.put("drifted", report.drifted());
        object.put("notChecked", report.notChecked().size());
        object.put("roundTrips", report.roundTrips());
        object.put("drifts", report.drifts().stream().map(drift -> place(drift.file(), drift.line(), drift.column(),
                drift.rule(), "message", drift.message())).toList());
        object.put("unchecked", report.notChecked().stream().map(rule -> place(rule.file(), rule.line(),
                rule.column(), rule.rule(), "reason", rule.reason())).toList());
        object.put("summary", report.summary());
        return write(object);
    }

    /** A script that did not load: its loader messages. */
    static String errors(List<String> problems) {
        return write(Map.of("errors", problems));
    }

    /** No report: the database could not be reached, or the session broke. */
    static String failure(String reason) {
        return write(Map.of("error", reason));
    }

    private static Map<String, Object> place(String file, int line, int column, String rule, String key,
                                             String text) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file);
        object.put("line", line);
        object.put("column", column);
        object.put("rule", rule);
        object.put(key, text);
        return object;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
