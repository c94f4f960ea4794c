package io.mockpg.internal.sql;

import java.util.Locale;

/** Finds a statement's verb and the verb that decides its command tag. */
final class Verbs {
    private static final String[] MAIN_VERBS = {"select", "insert", "update", "delete", "merge"};

    private Verbs() {
    }

    /** The first keyword upper-cased, skipping leading '('; "" when there is none. */
    static String verb(TokenSequence tokens) {
        int at = verbIndex(tokens);
        return at < 0 ? "" : tokens.text(at).toUpperCase(Locale.ROOT);
    }

    /** For WITH, the first main verb at parenthesis depth 0 after the CTE list; else the verb. */
    static String commandVerb(TokenSequence tokens) {
        int at = verbIndex(tokens);
        if (at < 0 || !tokens.isWord(at, "with")) {
            return verb(tokens);
        }
        int depth = 0;
        for (int i = at + 1; i < tokens.size(); i++) {
            if (tokens.isPunct(i, '(')) {
                depth++;
            } else if (tokens.isPunct(i, ')')) {
                depth--;
            } else if (depth == 0 && tokens.kind(i) == TokenKind.IDENTIFIER) {
                for (String mainVerb : MAIN_VERBS) {
                    if (tokens.isWord(i, mainVerb)) {
                        return mainVerb.toUpperCase(Locale.ROOT);
                    }
                }
            }
        }
        return "WITH";
    }

    private static int verbIndex(TokenSequence tokens) {
        int at = 0;
        while (at < tokens.size() && tokens.isPunct(at, '(')) {
            at++;
        }
        return at < tokens.size() && tokens.kind(at) == TokenKind.IDENTIFIER ? at : -1;
    }
}
