package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.session.TransactionStatus;
import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.ResultColumn;

import io.mockpg.internal.sql.SqlToken;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** SET, RESET and SHOW, in all the forms drivers and tools send. */
final class SettingCommands {
    private SettingCommands() {
    }

    static BuiltinPlan plan(String verb, List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens, 1);
        return switch (verb) {
            case "SET" -> set(cursor);
            case "RESET" -> reset(cursor);
            case "SHOW" -> show(cursor);
            default -> null;
        };
    }

    private static BuiltinPlan set(TokenCursor cursor) {
        boolean local = cursor.accept("local");
        if (!local && cursor.acceptAll("session", "characteristics", "as", "transaction")) {
            return sessionCharacteristics(cursor);
        }
        if (!local) {
            cursor.accept("session");
        }
        if (cursor.accept("transaction")) {
            return setTransaction(cursor);
        }
        String name;
        if (cursor.acceptAll("time", "zone")) {
            name = "TimeZone";
            if (cursor.accept("local")) {
                return change(local, session -> session.settings().reset(name));
            }
            String offsetZone = OffsetTimeZone.parse(cursor);
            if (offsetZone != null) {
                return change(local, session -> setting(session, name, offsetZone, local));
            }
        } else if (cursor.accept("names")) {
            name = "client_encoding";
        } else if (cursor.acceptAll("session", "authorization") || cursor.accept("authorization")) {
            name = "session_authorization";
        } else if (cursor.accept("role")) {
            name = "role";
        } else if (cursor.accept("constraints")) {
            return BuiltinPlan.tag("SET");
        } else {
            name = settingName(cursor);
            if (name == null || !(cursor.accept("to") || cursor.acceptSymbol("="))) {
                return null;
            }
        }
        if (cursor.accept("default") && cursor.atEnd()) {
            return change(local, session -> resetting(session, name));
        }
        String value = SettingValueList.render(name, cursor.rest());
        if (value == null) {
            return null;
        }
        return change(local, session -> setting(session, name, value, local));
    }

    private static List<ParameterChange> setting(BuiltinSession session, String name, String value, boolean local) {
        List<ParameterChange> changes = new ArrayList<>(session.settings().set(name, value, local));
        if (name.equals("session_authorization")) {
            session.settings().reset("role");
        }
        return changes;
    }

    private static List<ParameterChange> resetting(BuiltinSession session, String name) {
        List<ParameterChange> changes = session.settings().reset(name);
        if (name.equals("session_authorization")) {
            session.settings().reset("role");
        }
        return changes;
    }

    /** SET [LOCAL] takes effect (SET LOCAL only inside a transaction block, as in PostgreSQL). */
    private static BuiltinPlan change(boolean local, Function<BuiltinSession, List<ParameterChange>> effect) {
        return BuiltinPlan.command((request, session) -> {
            if (local && request.transactionStatus() == TransactionStatus.IDLE) {
                return Answers.warning("SET", "25P01", "SET LOCAL can only be used in transaction blocks");
            }
            return Answers.command("SET", effect.apply(session));
        });
    }

    private static BuiltinPlan sessionCharacteristics(TokenCursor cursor) {
        List<String[]> modes = TransactionModes.parse(cursor);
        if (modes == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            List<ParameterChange> changes = new ArrayList<>();
            modes.forEach(mode -> changes.addAll(session.settings().set("default_" + mode[0], mode[1], false)));
            return Answers.command("SET", changes);
        });
    }

    private static BuiltinPlan setTransaction(TokenCursor cursor) {
        List<String[]> modes = TransactionModes.parse(cursor);
        if (modes == null) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> {
            if (request.transactionStatus() == TransactionStatus.IDLE) {
                return Answers.warning("SET", "25P01", "SET TRANSACTION can only be used in transaction blocks");
            }
            modes.forEach(mode -> session.settings().set(mode[0], mode[1], true));
            return Answers.command("SET");
        });
    }

    private static BuiltinPlan reset(TokenCursor cursor) {
        if (cursor.accept("all") && cursor.atEnd()) {
            return BuiltinPlan.command((request, session) -> Answers.command("RESET", session.settings().resetAll()));
        }
        String name = multiWordName(cursor);
        if (name == null || !cursor.atEnd()) {
            return null;
        }
        return BuiltinPlan.command((request, session) -> Answers.command("RESET", resetting(session, name)));
    }

    private static BuiltinPlan show(TokenCursor cursor) {
        if (cursor.accept("all") && cursor.atEnd()) {
            List<ResultColumn> columns = List.of(new ResultColumn("name", Types.of("text")),
                    new ResultColumn("setting", Types.of("text")), new ResultColumn("description", Types.of("text")));
            return new BuiltinPlan(columns, java.util.Map.of(), (request, session) -> Answer.of(
                    new Result.Rows(columns, new StaticRows(session.settings().showAll()), "SHOW", "SHOW", null)));
        }
        String name = multiWordName(cursor);
        if (name == null || !cursor.atEnd()) {
            return null;
        }
        // The column is named like the setting; an unknown one is an error, so the column list is per session.
        List<ResultColumn> columns = List.of(new ResultColumn(SessionSettings.canonicalName(name), Types.of("text")));
        return new BuiltinPlan(columns, java.util.Map.of(), (request, session) -> {
            String value = session.settings().get(name);
            if (value == null) {
                throw BuiltinError.unknownSetting(name);
            }
            List<ResultColumn> shown = List.of(new ResultColumn(session.settings().displayName(name),
                    Types.of("text")));
            return Answer.of(new Result.Rows(shown, new StaticRows(List.<Object[]>of(new Object[] {value})),
                    "SHOW", "SHOW", null));
        });
    }

    /** A setting name for RESET/SHOW, including the SQL-standard multi-word spellings. */
    private static String multiWordName(TokenCursor cursor) {
        if (cursor.acceptAll("time", "zone")) {
            return "TimeZone";
        }
        if (cursor.acceptAll("transaction", "isolation", "level")) {
            return "transaction_isolation";
        }
        if (cursor.acceptAll("session", "authorization")) {
            return "session_authorization";
        }
        if (cursor.acceptAll("transaction", "read", "only")) {
            return "transaction_read_only";
        }
        return settingName(cursor);
    }

    /** name or class.name, folded to lower case unless quoted. */
    static String settingName(TokenCursor cursor) {
        SqlToken first = cursor.next();
        if (first == null || !first.isIdentifier()) {
            return null;
        }
        StringBuilder name = new StringBuilder(first.text());
        while (cursor.peek() != null && cursor.peek().isSymbol(".")) {
            cursor.next();
            SqlToken part = cursor.next();
            if (part == null || !part.isIdentifier()) {
                return null;
            }
            name.append('.').append(part.text());
        }
        return name.toString();
    }
}
