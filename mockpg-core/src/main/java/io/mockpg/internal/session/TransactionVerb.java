package io.mockpg.internal.session;

import java.util.Locale;

/**
 * Recognizes transaction control statements by their leading words, without a full parse:
 * the protocol layer needs this for every statement to keep the transaction status.
 *
 * @param kind          what the statement does to the transaction
 * @param savepointName the savepoint named by SAVEPOINT / RELEASE / ROLLBACK TO, else null
 */
public record TransactionVerb(Kind kind, String savepointName) {
    public enum Kind { NONE, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    /** A statement that does not touch the transaction. */
    public static final TransactionVerb NONE = new TransactionVerb(Kind.NONE, null);

    /** Whether the statement may run in a failed transaction block (PostgreSQL's exit statements). */
    public boolean allowedInFailedTransaction() {
        return kind == Kind.COMMIT || kind == Kind.ROLLBACK || kind == Kind.ROLLBACK_TO;
    }

    public static TransactionVerb of(String sql) {
        Words words = new Words(sql);
        String first = words.next();
        if (first == null) {
            return NONE;
        }
        switch (first) {
            case "begin", "start":
                return new TransactionVerb(Kind.BEGIN, null);
            case "commit", "end":
                return new TransactionVerb(isPrepared(words) ? Kind.NONE : Kind.COMMIT, null);
            case "abort":
                return new TransactionVerb(Kind.ROLLBACK, null);
            case "rollback": {
                String second = words.next();
                if ("to".equals(second)) {
                    String name = words.next();
                    if ("savepoint".equals(name)) {
                        name = words.next();
                    }
                    return new TransactionVerb(Kind.ROLLBACK_TO, name);
                }
                if ("prepared".equals(second)) {
                    return NONE;
                }
                if ("work".equals(second) || "transaction".equals(second)) {
                    String third = words.next();
                    if ("to".equals(third)) {
                        String name = words.next();
                        if ("savepoint".equals(name)) {
                            name = words.next();
                        }
                        return new TransactionVerb(Kind.ROLLBACK_TO, name);
                    }
                }
                return new TransactionVerb(Kind.ROLLBACK, null);
            }
            case "savepoint":
                return new TransactionVerb(Kind.SAVEPOINT, words.next());
            case "release": {
                String name = words.next();
                if ("savepoint".equals(name)) {
                    name = words.next();
                }
                return new TransactionVerb(Kind.RELEASE, name);
            }
            default:
                return NONE;
        }
    }

    private static boolean isPrepared(Words words) {
        return "prepared".equals(words.next());
    }

    /** Lower-cased words, skipping whitespace and comments; quoted identifiers keep their case. */
    private static final class Words {
        private final String s;
        private int i;

        Words(String s) {
            this.s = s;
        }

        String next() {
            skipSpaceAndComments();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                end = end < 0 ? s.length() : end;
                String quoted = s.substring(i + 1, end);
                i = Math.min(s.length(), end + 1);
                return quoted;
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                i++;
            }
            if (i == start) {
                i++;
                return String.valueOf(c);
            }
            return s.substring(start, i).toLowerCase(Locale.ROOT);
        }

        private void skipSpaceAndComments() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
                    int nl = s.indexOf('\n', i);
                    i = nl < 0 ? s.length() : nl + 1;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int depth = 1;
                    i += 2;
                    while (i < s.length() && depth > 0) {
                        if (s.startsWith("/*", i)) {
                            depth++;
                            i += 2;
                        } else if (s.startsWith("*/", i)) {
                            depth--;
                            i += 2;
                        } else {
                            i++;
                        }
                    }
                } else {
                    return;
                }
            }
        }
    }
}
