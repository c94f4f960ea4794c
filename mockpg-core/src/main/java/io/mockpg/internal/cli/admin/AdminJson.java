package io.mockpg.internal.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mockpg.JournalEntry;
import io.mockpg.internal.respond.RuleInfo;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's JSON shapes (docs/ci.md, "Admin HTTP API"). */
final class AdminJson {

    /** ISO-8601 with offset and milliseconds, in UTC: {@code 2026-11-22T15:04:05.123Z}. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper = new ObjectMapper();

    byte[] journal(List<JournalEntry> entries) {
        return write(entries.stream().map(AdminJson::entry).toList());
    }

    byte[] rules(List<RuleInfo> rules) {
        return write(rules.stream().map(rule -> {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("id", rule.id());
            object.put("source", rule.source());
            object.put("answered", rule.answered());
            return object;
        }).toList());
    }

    byte[] errors(List<String> errors) {
        return write(Map.of("errors", errors));
    }

    byte[] status(String status) {
        return write(Map.of("status", status));
    }

    /** Parses a request body; IOException when it is not JSON. */
    JsonNode read(byte[] body) throws IOException {
        return mapper.readTree(body);
    }

    private static Map<String, Object> entry(JournalEntry entry) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("sessionId", entry.sessionId());
        object.put("user", entry.user());
        object.put("database", entry.database());
        object.put("protocol", entry.protocol());
        object.put("sql", entry.sql());
        object.put("params", entry.params());
        object.put("ruleId", entry.ruleId());
        object.put("outcome", entry.outcome());
        object.put("copyData", entry.copyData());
        object.put("time", entry.time() == null ? null : TIME.format(entry.time()));
        return object;
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
