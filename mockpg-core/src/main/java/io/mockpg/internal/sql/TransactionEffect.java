package io.mockpg.internal.sql;

/**
 * What a statement does to the session's transaction, recognized once from its tokens
 * (PostgreSQL's BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT, RELEASE
 * and ROLLBACK TO). The answer decides whether it applies: a statement answered with an
 * error changes nothing but the failure.
 *
 * @param kind      what the statement does
 * @param savepoint the savepoint named by SAVEPOINT, RELEASE and ROLLBACK TO, else null
 */
public record TransactionEffect(Kind kind, String savepoint) {
    public enum Kind { NONE, BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    /** A statement that does not touch the transaction. */
    public static final TransactionEffect NONE = new TransactionEffect(Kind.NONE, null);
    public static final TransactionEffect BEGIN = new TransactionEffect(Kind.BEGIN, null);
    public static final TransactionEffect COMMIT = new TransactionEffect(Kind.COMMIT, null);
    public static final TransactionEffect ROLLBACK = new TransactionEffect(Kind.ROLLBACK, null);

    /** Whether the statement may run in a failed block: the statements that end it. */
    public boolean allowedInFailedBlock() {
        return kind == Kind.COMMIT || kind == Kind.ROLLBACK || kind == Kind.ROLLBACK_TO;
    }

    /** The effect of a statement's tokens; NONE unless it is one of the transaction commands, complete. */
    static TransactionEffect of(TokenSequence tokens) {
        if (tokens.size() == 0 || tokens.kind(0) != TokenKind.IDENTIFIER) {
            return NONE;
        }
        if (tokens.isWord(0, "begin") || tokens.isWord(0, "start") && tokens.size() > 1
                && tokens.isWord(1, "transaction")) {
            return BEGIN;
        }
        if (tokens.isWord(0, "commit") || tokens.isWord(0, "end")) {
            return tokens.size() > 1 && tokens.isWord(1, "prepared") ? NONE : COMMIT;
        }
        if (tokens.isWord(0, "abort")) {
            return ROLLBACK;
        }
        if (tokens.isWord(0, "rollback")) {
            return rollback(tokens);
        }
        if (tokens.isWord(0, "savepoint")) {
            return named(Kind.SAVEPOINT, tokens, 1);
        }
        if (tokens.isWord(0, "release")) {
            return named(Kind.RELEASE, tokens, tokens.size() > 1 && tokens.isWord(1, "savepoint") ? 2 : 1);
        }
        return NONE;
    }

    private static TransactionEffect rollback(TokenSequence tokens) {
        int at = 1;
        if (at < tokens.size() && tokens.isWord(at, "prepared")) {
            return NONE;
        }
        if (at < tokens.size() && (tokens.isWord(at, "work") || tokens.isWord(at, "transaction"))) {
            at++;
        }
        if (at < tokens.size() && tokens.isWord(at, "to")) {
            at++;
            if (at < tokens.size() && tokens.isWord(at, "savepoint")) {
                at++;
            }
            return named(Kind.ROLLBACK_TO, tokens, at);
        }
        return ROLLBACK;
    }

    /** The command naming the savepoint at {@code at}, its last token (folded unless quoted); else NONE. */
    private static TransactionEffect named(Kind kind, TokenSequence tokens, int at) {
        if (at != tokens.size() - 1) {
            return NONE;
        }
        SqlToken name = SqlToken.of(tokens, at);
        return name.isIdentifier() ? new TransactionEffect(kind, name.text()) : NONE;
    }
}
