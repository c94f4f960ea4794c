package io.mockpg.internal.respond;

import io.mockpg.internal.sql.SqlStatement;

import java.util.Locale;

/**
 * What a COPY statement asks for: {@code COPY t [(a, b)] FROM STDIN [csv]} or
 * {@code COPY t|(query) TO STDOUT [csv]}, read from the statement's normalized tokens.
 *
 * @param fromStdin   COPY … FROM STDIN
 * @param toStdout    COPY … TO STDOUT
 * @param columnCount the number of columns in the statement's column list, -1 without one
 * @param csv         whether the format is CSV (the {@code CSV} option or {@code FORMAT csv})
 * @param header      whether the CSV data starts with a header line ({@code HEADER} option)
 */
public record CopyCommand(boolean fromStdin, boolean toStdout, int columnCount, boolean csv, boolean header) {

    /** The COPY command of a statement, or null when it is not a COPY. */
    public static CopyCommand of(SqlStatement statement) {
        if (!"COPY".equalsIgnoreCase(statement.verb())) {
            return null;
        }
        String[] tokens = statement.normalized().trim().split("\\s+");
        int i = 1;
        int columnCount = -1;
        if (i < tokens.length && tokens[i].equals("(")) {
            i = skipParentheses(tokens, i);
        } else {
            while (i < tokens.length && !tokens[i].equals("(") && !isWord(tokens[i], "FROM")
                    && !isWord(tokens[i], "TO")) {
                i++;
            }
            if (i < tokens.length && tokens[i].equals("(")) {
                int end = skipParentheses(tokens, i);
                columnCount = countColumns(tokens, i + 1, end - 1);
                i = end;
            }
        }
        boolean from = i < tokens.length && isWord(tokens[i], "FROM");
        boolean to = i < tokens.length && isWord(tokens[i], "TO");
        String target = i + 1 < tokens.length ? tokens[i + 1] : "";
        boolean csv = false;
        boolean header = false;
        for (int k = i + 1; k < tokens.length; k++) {
            if (unquote(tokens[k]).equalsIgnoreCase("csv")) {
                csv = true;
            } else if (isWord(tokens[k], "HEADER")) {
                header = k + 1 >= tokens.length || !isFalse(unquote(tokens[k + 1]));
            }
        }
        // PostgreSQL accepts HEADER with CSV only
        return new CopyCommand(from && isWord(target, "STDIN"), to && isWord(target, "STDOUT"), columnCount, csv,
                csv && header);
    }

    /** Index just after the parenthesis that closes the one at {@code open}. */
    private static int skipParentheses(String[] tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.length; i++) {
            if (tokens[i].equals("(")) {
                depth++;
            } else if (tokens[i].equals(")") && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.length;
    }

    private static int countColumns(String[] tokens, int from, int to) {
        if (from >= to) {
            return 0;
        }
        int count = 1;
        for (int i = from; i < to; i++) {
            if (tokens[i].equals(",")) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWord(String token, String word) {
        return token.toUpperCase(Locale.ROOT).equals(word);
    }

    private static boolean isFalse(String option) {
        String value = option.toLowerCase(Locale.ROOT);
        return value.equals("false") || value.equals("off") || value.equals("0");
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && (token.startsWith("'") && token.endsWith("'"))) {
            return token.substring(1, token.length() - 1);
        }
        return token;
    }
}
