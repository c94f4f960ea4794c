package io.mockpg.internal.server;

import io.mockpg.internal.engine.ResultColumn;

import java.util.List;

/** COPY's text and CSV row formats (for COPY … TO STDOUT) and row counting (FROM STDIN). */
final class CopyFormat {
    private CopyFormat() {
    }

    static String line(List<ResultColumn> columns, Object[] values, boolean csv) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(csv ? ',' : '\t');
            }
            Object value = values[i];
            if (value == null) {
                if (!csv) {
                    line.append("\\N");
                }
                continue;
            }
            String text = columns.get(i).type().toText(value);
            if (csv) {
                csvField(line, text, values.length == 1);
            } else {
                textField(line, text);
            }
        }
        return line.append('\n').toString();
    }

    /** The CSV HEADER line: the column names. */
    static String header(List<ResultColumn> columns) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            csvField(line, columns.get(i).name(), columns.size() == 1);
        }
        return line.append('\n').toString();
    }

    /** Escapes as PostgreSQL's COPY writes text format: backslash, and the control characters that have a letter. */
    private static void textField(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case '\u000b' -> line.append("\\v");
                default -> line.append(c);
            }
        }
    }

    /**
     * Quotes as PostgreSQL's COPY writes CSV: an empty string (the NULL is unquoted empty), a
     * delimiter, quote or line break, and {@code \.} alone on a line (a single column's).
     */
    private static void csvField(StringBuilder line, String text, boolean singleColumn) {
        boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || singleColumn && text.equals("\\.");
        if (!quote) {
            line.append(text);
            return;
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    /** Rows in COPY FROM STDIN data: lines, without the optional end-of-data marker. */
    static long countRows(String data, boolean csv) {
        long rows = 0;
        boolean inQuotes = false;
        int lineStart = 0;
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (csv && c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n' && !inQuotes) {
                if (!isEndMarker(data, lineStart, i)) {
                    rows++;
                }
                lineStart = i + 1;
            }
        }
        if (lineStart < data.length() && !isEndMarker(data, lineStart, data.length())) {
            rows++;
        }
        return rows;
    }

    private static boolean isEndMarker(String data, int start, int end) {
        int e = end > start && data.charAt(end - 1) == '\r' ? end - 1 : end;
        return e - start == 2 && data.charAt(start) == '\\' && data.charAt(start + 1) == '.';
    }
}
