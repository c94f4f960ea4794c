package io.mockpg.internal.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of one recorded {@code COPY … TO STDOUT} read back into rows, so that the rule's copy
 * answer sends them again (docs/recording.md). PostgreSQL's text format (tab-separated,
 * {@code \N} for NULL, backslash escapes) and CSV format (PostgreSQL documentation, "COPY",
 * "File Formats") are read; the binary format is not kept: a script's rows cannot say it.
 */
final class CopyOutRows {
    private final boolean csv;
    private final boolean header;
    private final int columnCount;
    private final boolean binary;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /**
     * @param csv         the statement asked for CSV
     * @param header      the CSV data starts with the column names
     * @param columnCount the CopyOutResponse's column count
     * @param binary      the CopyOutResponse's overall format is binary
     */
    CopyOutRows(boolean csv, boolean header, int columnCount, boolean binary) {
        this.csv = csv;
        this.header = header;
        this.columnCount = columnCount;
        this.binary = binary;
    }

    void data(byte[] bytes) {
        if (!binary) {
            data.writeBytes(bytes);
        }
    }

    boolean binary() {
        return binary;
    }

    /** The columns: the CSV header's names, else {@code column1} … (as PostgreSQL names a VALUES list's). */
    List<String> names() {
        List<List<String>> lines = lines();
        List<String> names = new ArrayList<>();
        List<String> first = header && !lines.isEmpty() ? lines.get(0) : List.of();
        for (int i = 0; i < columnCount; i++) {
            names.add(i < first.size() && first.get(i) != null ? first.get(i) : "column" + (i + 1));
        }
        return names;
    }

    /** Every data line's values, as text; null is SQL NULL. */
    List<List<Object>> rows() {
        List<List<String>> lines = lines();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = header ? 1 : 0; i < lines.size(); i++) {
            rows.add(new ArrayList<>(lines.get(i)));
        }
        return rows;
    }

    private List<List<String>> lines() {
        String text = data.toString(StandardCharsets.UTF_8);
        return csv ? csvLines(text) : textLines(text);
    }

    private static List<List<String>> textLines(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean escapedNull = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n') {
                fields.add(escapedNull && field.isEmpty() ? null : field.toString());
                field.setLength(0);
                escapedNull = false;
                if (c == '\n') {
                    lines.add(fields);
                    fields = new ArrayList<>();
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'N' -> escapedNull = field.isEmpty();
                    case 'b' -> field.append('\b');
                    case 'f' -> field.append('\f');
                    case 'n' -> field.append('\n');
                    case 'r' -> field.append('\r');
                    case 't' -> field.append('\t');
                    case 'v' -> field.append('\u000b');
                    default -> field.append(next);
                }
            } else {
                field.append(c);
            }
        }
        return lines;
    }

    private static List<List<String>> csvLines(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
                quoted = true;
            } else if (c == ',' || c == '\n') {
                // an unquoted empty field is NULL in CSV; a quoted one is the empty string
                fields.add(field.isEmpty() && !quoted ? null : field.toString());
                field.setLength(0);
                quoted = false;
                if (c == '\n') {
                    lines.add(fields);
                    fields = new ArrayList<>();
                }
            } else if (c != '\r' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                field.append(c);
            }
        }
        return lines;
    }
}
