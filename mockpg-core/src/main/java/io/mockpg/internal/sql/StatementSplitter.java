package io.mockpg.internal.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a simple-query string into its statements (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT). */
public final class StatementSplitter {
    private StatementSplitter() {
    }

    /**
     * The statements of a query string, in order, each trimmed and without its terminating
     * ';'. Semicolons inside quotes, E'' strings, dollar quotes, comments and parentheses do
     * not split. Statements that are empty or only comments are dropped, so an empty or
     * comment-only string gives an empty list. Each statement keeps its original text,
     * comments inside it included.
     */
    public static List<String> split(String query) {
        TokenSequence tokens = SqlLexer.lex(query);
        List<String> statements = new ArrayList<>(2);
        int depth = 0;
        int segmentStart = 0;
        int tokensInSegment = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (tokens.isPunct(i, '(')) {
                depth++;
            } else if (tokens.isPunct(i, ')')) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && tokens.isPunct(i, ';')) {
                addIfNotEmpty(statements, query, segmentStart, token.start(), tokensInSegment);
                segmentStart = token.end();
                tokensInSegment = 0;
                continue;
            }
            tokensInSegment++;
        }
        addIfNotEmpty(statements, query, segmentStart, query.length(), tokensInSegment);
        return statements;
    }

    private static void addIfNotEmpty(List<String> statements, String query, int from, int to, int tokenCount) {
        if (tokenCount > 0) {
            statements.add(query.substring(from, to).trim());
        }
    }
}
