package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;

import io.mockpg.internal.sql.SqlToken;
import java.util.List;

/**
 * Transaction control tags, with PostgreSQL's warnings and errors for the transaction
 * status the statement arrives in (texts compared with PostgreSQL 15). The protocol layer
 * applies the state change itself.
 */
final class TransactionControl {
    private static final String NO_TRANSACTION = "there is no transaction in progress";

    private TransactionControl() {
    }

    /** BEGIN, START, COMMIT, END, ROLLBACK, ABORT, SAVEPOINT or RELEASE; null if not one we answer. */
    static BuiltinPlan plan(String verb, List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens, 1);
        return switch (verb) {
            case "BEGIN" -> begin(cursor);
            case "START" -> cursor.accept("transaction") ? begin(cursor) : null;
            case "COMMIT", "END" -> cursor.accept("prepared") ? null : end();
            case "ROLLBACK", "ABORT" -> rollback(cursor);
            case "SAVEPOINT" -> savepoint(cursor);
            case "RELEASE" -> release(cursor);
            default -> null;
        };
    }

    private static BuiltinPlan begin(TokenCursor cursor) {
        cursor.accept("work");
        cursor.accept("transaction");
        List<String[]> modes = TransactionModes.parse(cursor);
        if (modes == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() != 'I') {
                return Answers.warning("BEGIN", "25001", "there is already a transaction in progress");
            }
            modes.forEach(mode -> session.settings().set(mode[0], mode[1], true));
            return Answers.command("BEGIN");
        });
    }

    private static BuiltinPlan end() {
        return BuiltinPlan.command((request, session) -> switch (request.transactionStatus()) {
            case 'I' -> Answers.warning("COMMIT", "25P01", NO_TRANSACTION);
            case 'E' -> Answers.command("ROLLBACK");
            default -> Answers.command("COMMIT");
        });
    }

    private static BuiltinPlan rollback(TokenCursor cursor) {
        if (cursor.accept("prepared")) {
            return null;
        }
        cursor.accept("work");
        cursor.accept("transaction");
        if (cursor.accept("to")) {
            cursor.accept("savepoint");
            String name = identifier(cursor);
            return name == null ? null : savepointCommand("ROLLBACK TO SAVEPOINT", "ROLLBACK",
                    session -> session.unwindTo(name, false), name);
        }
        return BuiltinPlan.command((request, session) -> request.transactionStatus() == 'I'
                ? Answers.warning("ROLLBACK", "25P01", NO_TRANSACTION)
                : Answers.command("ROLLBACK"));
    }

    private static BuiltinPlan savepoint(TokenCursor cursor) {
        String name = identifier(cursor);
        if (name == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() == 'I') {
                return inBlockOnly("SAVEPOINT");
            }
            session.addSavepoint(name);
            return Answers.command("SAVEPOINT");
        });
    }

    private static BuiltinPlan release(TokenCursor cursor) {
        cursor.accept("savepoint");
        String name = identifier(cursor);
        return name == null ? null : savepointCommand("RELEASE SAVEPOINT", "RELEASE",
                session -> session.unwindTo(name, true), name);
    }

    private static BuiltinPlan savepointCommand(String command, String tag,
                                                java.util.function.Predicate<BuiltinSession> unwind, String name) {
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() == 'I') {
                return inBlockOnly(command);
            }
            if (!unwind.test(session)) {
                return Answers.error("3B001", "savepoint \"" + name + "\" does not exist");
            }
            return Answers.command(tag);
        });
    }

    private static Answer inBlockOnly(String command) {
        return Answers.error("25P01", command + " can only be used in transaction blocks");
    }

    /** The next token as an identifier (folded to lower case unless quoted), or null. */
    static String identifier(TokenCursor cursor) {
        SqlToken token = cursor.next();
        if (token == null || !token.isIdentifier() || !cursor.atEnd()) {
            return null;
        }
        return token.text();
    }
}
