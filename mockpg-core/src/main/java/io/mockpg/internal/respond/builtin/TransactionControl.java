package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.session.TransactionStatus;
import io.mockpg.internal.sql.SqlToken;
import io.mockpg.internal.sql.TransactionEffect;

import java.util.List;

/**
 * Transaction control tags, with PostgreSQL's warnings and errors for the transaction
 * status the statement arrives in (texts compared with PostgreSQL 15). The statement is
 * recognized by its {@link TransactionEffect}; the protocol layer applies the effect itself.
 */
final class TransactionControl {
    private static final String NO_TRANSACTION = "there is no transaction in progress";

    private TransactionControl() {
    }

    /** The plan for a statement with this effect; null if it has none (or BEGIN's modes are not ones we know). */
    static BuiltinPlan plan(TransactionEffect effect, List<SqlToken> tokens) {
        return switch (effect.kind()) {
            case NONE -> null;
            case BEGIN -> begin(new TokenCursor(tokens, 1), effect);
            case COMMIT -> end(effect);
            case ROLLBACK -> rollback(effect);
            case SAVEPOINT -> savepoint(effect);
            case RELEASE -> savepointCommand("RELEASE SAVEPOINT", "RELEASE", effect);
            case ROLLBACK_TO -> savepointCommand("ROLLBACK TO SAVEPOINT", "ROLLBACK", effect);
        };
    }

    private static BuiltinPlan begin(TokenCursor cursor, TransactionEffect effect) {
        cursor.accept("work");
        cursor.accept("transaction");
        List<String[]> modes = TransactionModes.parse(cursor);
        if (modes == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() != TransactionStatus.IDLE) {
                return Answers.warning("BEGIN", "25001", "there is already a transaction in progress")
                        .withTransaction(effect);
            }
            modes.forEach(mode -> session.settings().set(mode[0], mode[1], true));
            return Answers.command("BEGIN").withTransaction(effect);
        });
    }

    private static BuiltinPlan end(TransactionEffect effect) {
        return BuiltinPlan.command((request, session) -> (switch (request.transactionStatus()) {
            case IDLE -> Answers.warning("COMMIT", "25P01", NO_TRANSACTION);
            case FAILED -> Answers.command("ROLLBACK");
            case IN_BLOCK -> Answers.command("COMMIT");
        }).withTransaction(effect));
    }

    private static BuiltinPlan rollback(TransactionEffect effect) {
        return BuiltinPlan.command((request, session) -> (request.transactionStatus() == TransactionStatus.IDLE
                ? Answers.warning("ROLLBACK", "25P01", NO_TRANSACTION)
                : Answers.command("ROLLBACK")).withTransaction(effect));
    }

    private static BuiltinPlan savepoint(TransactionEffect effect) {
        return BuiltinPlan.command((request, session) -> request.transactionStatus() == TransactionStatus.IDLE
                ? inBlockOnly("SAVEPOINT")
                : Answers.command("SAVEPOINT").withTransaction(effect));
    }

    private static BuiltinPlan savepointCommand(String command, String tag, TransactionEffect effect) {
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() == TransactionStatus.IDLE) {
                return inBlockOnly(command);
            }
            if (!session.transaction().hasSavepoint(effect.savepoint())) {
                return Answers.error("3B001", "savepoint \"" + effect.savepoint() + "\" does not exist");
            }
            return Answers.command(tag).withTransaction(effect);
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
