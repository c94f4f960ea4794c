package io.mockpg.internal.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes a recording as a script (docs/recording.md): a header comment, the upstream's version
 * and parameters under {@code server}, then one rule per distinct statement and parameters in
 * first-seen order. Nothing but the header depends on when or how often it was written.
 */
final class ScriptWriter {
    /** ParameterStatus values that belong to the client's session, not to the server. */
    private static final java.util.Set<String> SESSION_PARAMETERS = java.util.Set.of("server_version",
            "session_authorization", "application_name", "client_encoding");
    /** Error fields a script can hold, by their one-letter code, in the script's key order. */
    private static final Map<Character, String> ERROR_KEYS = orderedMap(
            'C', "code", 'M', "message", 'V', "severity", 'D', "detail", 'H', "hint", 's', "schema", 't', "table",
            'c', "column", 'n', "constraint", 'P', "position", 'W', "where", 'd', "data_type",
            'p', "internal_position", 'q', "internal_query", 'F', "file", 'L', "line", 'R', "routine");
    /** Error fields a script holds as integers: written unquoted, and only when they are one. */
    private static final java.util.Set<Character> INTEGER_FIELDS = java.util.Set.of('P', 'p', 'L');
    private static final Map<Character, String> NOTICE_KEYS = orderedMap(
            'V', "severity", 'C', "code", 'M', "message", 'D', "detail", 'H', "hint", 'W', "where", 'F', "file",
            'L', "line", 'R', "routine");

    private ScriptWriter() {
    }

    /**
     * @param header lines of the header comment, without "# "
     */
    static String render(List<String> header, Recording.Snapshot snapshot) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        if (snapshot.serverVersion() != null) {
            out.append("server:\n");
            out.append("  version: ").append(YamlText.quoted(snapshot.serverVersion())).append('\n');
            StringBuilder parameters = new StringBuilder();
            snapshot.serverParameters().forEach((name, value) -> {
                if (!SESSION_PARAMETERS.contains(name)) {
                    parameters.append("    ").append(YamlText.value(name)).append(": ")
                            .append(YamlText.quoted(value)).append('\n');
                }
            });
            if (parameters.length() > 0) {
                out.append("  parameters:\n").append(parameters);
            }
        }
        out.append(snapshot.rules().isEmpty() ? "rules: []\n" : "rules:\n");
        for (Recording.Snapshot.Rule rule : snapshot.rules()) {
            out.append("  - match:\n");
            out.append("      sql: ").append(YamlText.block(rule.sql())).append('\n');
            if (!rule.params().isEmpty()) {
                out.append("      params: ").append(YamlText.list(rule.params())).append('\n');
            }
            if (rule.paramTypes() != null) {
                out.append("      param_types: ").append(YamlText.list(rule.paramTypes())).append('\n');
            }
            if (rule.responses().size() == 1) {
                out.append("    respond:\n");
                response(out, rule.responses().get(0), "      ");
            } else {
                out.append("    respond:\n");
                for (RecordedAnswer answer : rule.responses()) {
                    StringBuilder item = new StringBuilder();
                    response(item, answer, "        ");
                    out.append("      - ").append(item.substring(8));
                }
            }
        }
        return out.toString();
    }

    private static void response(StringBuilder out, RecordedAnswer answer, String indent) {
        int start = out.length();
        for (Map<Character, String> notice : answer.notices()) {
            if (out.length() == start) {
                out.append(indent).append("notices:\n");
            }
            out.append(indent).append("  - ").append(fields(notice, NOTICE_KEYS)).append('\n');
        }
        if (answer.copy()) {
            out.append(indent).append("copy: true\n");
        }
        if (answer.columns() != null) {
            out.append(indent).append(answer.columns().isEmpty() ? "columns: []\n" : "columns:\n");
            for (RecordedColumn column : answer.columns()) {
                out.append(indent).append("  - ").append(YamlText.value(column.name())).append(": ")
                        .append(column.type());
                if (column.comment() != null) {
                    out.append("  # ").append(column.comment());
                }
                out.append('\n');
            }
            out.append(indent).append(answer.rows().isEmpty() ? "rows: []\n" : "rows:\n");
            for (List<Object> row : answer.rows()) {
                out.append(indent).append("  - ").append(YamlText.list(row)).append('\n');
            }
        }
        if (answer.error() != null) {
            out.append(indent).append("error: ").append(fields(answer.error(), ERROR_KEYS)).append('\n');
        }
        if (answer.tag() != null) {
            out.append(indent).append("tag: ").append(YamlText.block(answer.tag())).append('\n');
        }
        if (out.length() == start) {
            out.append(indent).append("tag: \"\"\n");
        }
    }

    private static String fields(Map<Character, String> fields, Map<Character, String> keys) {
        StringBuilder out = new StringBuilder("{");
        keys.forEach((code, key) -> {
            String value = fields.get(code);
            if (value == null && code == 'V') {
                value = fields.get('S');
            }
            boolean integer = INTEGER_FIELDS.contains(code);
            if (value != null && (!integer || value.matches("[1-9][0-9]{0,8}"))) {
                out.append(out.length() == 1 ? "" : ", ").append(key).append(": ")
                        .append(integer ? value : YamlText.quoted(value));
            }
        });
        return out.append('}').toString();
    }

    /**
     * Writes {@code text} to a temporary file beside {@code file} and renames it over
     * {@code file}, so a reader or a crash never sees a half-written script.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        // created like any file (not createTempFile's owner-only mode): a script is shared and committed
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Map<Character, String> orderedMap(Object... pairs) {
        Map<Character, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Character) pairs[i], (String) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
