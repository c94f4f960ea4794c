package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.session.TransactionStatus;
import io.mockpg.internal.engine.Result;

import io.mockpg.internal.sql.SqlToken;
import java.util.List;

/** DISCARD, DEALLOCATE, CLOSE, LISTEN, UNLISTEN and NOTIFY. */
final class Housekeeping {
    private Housekeeping() {
    }

    static BuiltinPlan plan(String verb, List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens, 1);
        return switch (verb) {
            case "DISCARD" -> discard(cursor);
            case "DEALLOCATE" -> deallocate(cursor);
            case "CLOSE" -> close(cursor);
            case "LISTEN" -> listen(cursor);
            case "UNLISTEN" -> unlisten(cursor);
            case "NOTIFY" -> notifyChannel(cursor);
            default -> null;
        };
    }

    private static BuiltinPlan discard(TokenCursor cursor) {
        SqlToken what = cursor.next();
        if (what == null || !cursor.atEnd()) {
            return null;
        }
        return switch (what.text()) {
            case "all" -> BuiltinPlan.command((request, session) -> {
                if (request.transactionStatus() != TransactionStatus.IDLE) {
                    return Answers.error("25001", "DISCARD ALL cannot run inside a transaction block");
                }
                session.unlistenAll();
                return Answers.command("DISCARD ALL", session.settings().resetAll());
            });
            case "plans" -> BuiltinPlan.tag("DISCARD PLANS");
            case "sequences" -> BuiltinPlan.tag("DISCARD SEQUENCES");
            case "temp", "temporary" -> BuiltinPlan.tag("DISCARD TEMP");
            default -> null;
        };
    }

    private static BuiltinPlan deallocate(TokenCursor cursor) {
        cursor.accept("prepare");
        if (cursor.accept("all") && cursor.atEnd()) {
            return BuiltinPlan.tag("DEALLOCATE ALL");
        }
        return TransactionControl.identifier(cursor) == null ? null : BuiltinPlan.tag("DEALLOCATE");
    }

    private static BuiltinPlan close(TokenCursor cursor) {
        if (cursor.accept("all") && cursor.atEnd()) {
            return BuiltinPlan.tag("CLOSE CURSOR ALL");
        }
        return TransactionControl.identifier(cursor) == null ? null : BuiltinPlan.tag("CLOSE CURSOR");
    }

    private static BuiltinPlan listen(TokenCursor cursor) {
        String channel = TransactionControl.identifier(cursor);
        if (channel == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            session.listen(channel);
            return Answers.command("LISTEN");
        });
    }

    private static BuiltinPlan unlisten(TokenCursor cursor) {
        if (cursor.acceptSymbol("*") && cursor.atEnd()) {
            return BuiltinPlan.command((request, session) -> {
                session.unlistenAll();
                return Answers.command("UNLISTEN");
            });
        }
        String channel = TransactionControl.identifier(cursor);
        if (channel == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            session.unlisten(channel);
            return Answers.command("UNLISTEN");
        });
    }

    /** NOTIFY channel [, 'payload']: queued once the answer is sent, delivered when the transaction commits. */
    private static BuiltinPlan notifyChannel(TokenCursor cursor) {
        SqlToken channel = cursor.next();
        if (channel == null || !channel.isIdentifier()) {
            return null;
        }
        String payload = "";
        if (cursor.acceptSymbol(",")) {
            SqlToken text = cursor.next();
            if (text == null || text.kind() != SqlToken.Kind.STRING) {
                return null;
            }
            payload = text.text();
        }
        if (!cursor.atEnd()) {
            return null;
        }
        String message = payload;
        return BuiltinPlan.command((request, session) -> Answers.full(new Result.Command("NOTIFY"), null,
                deliver(session, channel.text(), message), List.of()));
    }

    static List<Runnable> deliver(BuiltinSession session, String channel, String payload) {
        return List.of(() -> session.notifyChannel(channel, payload));
    }

}
