package io.mockpg.internal.sql;

/** The normalized text of a token sequence: every token normalized, joined by single spaces. */
final class Normalizer {
    private Normalizer() {
    }

    static String normalize(TokenSequence tokens) {
        StringBuilder out = new StringBuilder(tokens.source().length());
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            tokens.appendNormalized(i, out);
        }
        return out.toString();
    }
}
