package io.mockpg.internal.respond.builtin;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server functions a FROM-less SELECT may call: version(), current_user, set_config,
 * advisory locks, pg_sleep, pg_notify, ... Each returns the column PostgreSQL would
 * (name and type, checked against PostgreSQL 15).
 */
final class ServerFunctions {
    /** Makes the expression for a call, registering its placeholders' natural types; null if the arguments do not fit. */
    @FunctionalInterface
    private interface Definition {
        Expr call(String name, List<Arg> args, Map<Integer, Integer> paramTypes);
    }

    /** SQL functions written without parentheses. */
    static final Set<String> KEYWORD_FUNCTIONS = Set.of("current_user", "session_user", "user", "current_role",
            "current_catalog", "current_schema", "current_timestamp", "current_date", "localtimestamp");

    private static final Map<String, Definition> FUNCTIONS = new HashMap<>();

    static {
        noArgs("version", "text", c -> c.server.versionText());
        noArgs("current_database", "name", c -> c.session.info().database());
        noArgs("current_catalog", "name", c -> c.session.info().database());
        noArgs("current_schema", "name", c -> currentSchema(c.session));
        noArgs("current_user", "name", c -> c.session.currentUser());
        noArgs("current_role", "name", c -> c.session.currentUser());
        noArgs("user", "name", c -> c.session.currentUser());
        noArgs("session_user", "name", c -> c.session.sessionUser());
        noArgs("pg_backend_pid", "int4", c -> c.session.info().sessionId());
        noArgs("inet_server_port", "int4", c -> c.server.port().getAsInt());
        noArgs("inet_server_addr", "inet", c -> c.server.host());
        noArgs("pg_is_in_recovery", "bool", c -> false);
        noArgs("txid_current", "int8", c -> c.session.nextTransactionId());
        noArgs("pg_postmaster_start_time", "timestamptz", c -> c.server.startedAt());
        noArgs("current_date", "date", c -> LocalDate.now(ZoneOffset.UTC));
        for (String now : List.of("now", "current_timestamp", "transaction_timestamp", "statement_timestamp",
                "clock_timestamp")) {
            noArgs(now, "timestamptz", c -> OffsetDateTime.now(ZoneOffset.UTC));
        }
        noArgs("pg_advisory_unlock_all", "void", c -> null);
        for (String lock : List.of("pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock",
                "pg_advisory_xact_lock_shared")) {
            FUNCTIONS.put(lock, (name, args, types) -> advisory(name, "void", null, args, types));
        }
        for (String lock : List.of("pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock",
                "pg_try_advisory_xact_lock_shared", "pg_advisory_unlock", "pg_advisory_unlock_shared")) {
            FUNCTIONS.put(lock, (name, args, types) -> advisory(name, "bool", true, args, types));
        }
        FUNCTIONS.put("pg_sleep", ServerFunctions::sleep);
        FUNCTIONS.put("pg_notify", ServerFunctions::pgNotify);
        FUNCTIONS.put("set_config", ServerFunctions::setConfig);
        FUNCTIONS.put("current_setting", ServerFunctions::currentSetting);
    }

    private ServerFunctions() {
    }

    /** The call's expression, or null for an unknown function or unfitting arguments. */
    static Expr call(String name, List<Arg> args, Map<Integer, Integer> paramTypes) {
        Definition definition = FUNCTIONS.get(name);
        return definition == null ? null : definition.call(name, args, paramTypes);
    }

    private static void noArgs(String function, String type, Expr.Evaluation value) {
        FUNCTIONS.put(function, (name, args, types) -> args.isEmpty()
                ? new Expr(name, Types.of(type), value, false) : null);
    }

    /** The first schema of search_path other than "$user"; public by default. */
    static String currentSchema(BuiltinSession session) {
        String path = session.settings().get("search_path");
        if (path == null) {
            return "public";
        }
        for (String element : path.split(",")) {
            String schema = element.trim();
            if (schema.startsWith("\"") && schema.endsWith("\"") && schema.length() > 1) {
                schema = schema.substring(1, schema.length() - 1);
            }
            if (!schema.isEmpty() && !schema.equals("$user")) {
                return schema;
            }
        }
        return null;
    }

    /** One bigint key, or two int keys. */
    private static Expr advisory(String name, String type, Object result, List<Arg> args,
                                 Map<Integer, Integer> paramTypes) {
        if (args.size() == 1) {
            declare(args.get(0), Types.INT8_OID, paramTypes);
        } else if (args.size() == 2) {
            declare(args.get(0), Types.INT4_OID, paramTypes);
            declare(args.get(1), Types.INT4_OID, paramTypes);
        } else {
            return null;
        }
        return new Expr(name, Types.of(type), c -> result, false);
    }

    /** pg_sleep(seconds): answered after the delay, so a CancelRequest can end it. */
    private static Expr sleep(String name, List<Arg> args, Map<Integer, Integer> paramTypes) {
        if (args.size() != 1) {
            return null;
        }
        Arg seconds = args.get(0);
        declare(seconds, Types.FLOAT8_OID, paramTypes);
        return new Expr(name, Types.of("void"), c -> {
            String value = c.resolve(seconds);
            if (value != null) {
                long millis = Math.round(Double.parseDouble(value) * 1000);
                c.delay = Duration.ofMillis(Math.max(0, millis));
            }
            return null;
        }, false);
    }

    private static Expr pgNotify(String name, List<Arg> args, Map<Integer, Integer> paramTypes) {
        if (args.size() != 2) {
            return null;
        }
        args.forEach(arg -> declare(arg, Types.TEXT_OID, paramTypes));
        return new Expr(name, Types.of("void"), c -> {
            String channel = c.resolve(args.get(0));
            String payload = c.resolve(args.get(1));
            if (channel == null || channel.isEmpty()) {
                throw new BuiltinError("22023", "channel name cannot be empty");
            }
            c.afterSend.addAll(Housekeeping.deliver(c.session, channel, payload == null ? "" : payload));
            return null;
        }, false);
    }

    private static Expr setConfig(String name, List<Arg> args, Map<Integer, Integer> paramTypes) {
        if (args.size() != 3) {
            return null;
        }
        declare(args.get(0), Types.TEXT_OID, paramTypes);
        declare(args.get(1), Types.TEXT_OID, paramTypes);
        declare(args.get(2), Types.BOOL_OID, paramTypes);
        return new Expr(name, Types.of("text"), c -> {
            String setting = c.resolve(args.get(0));
            String value = c.resolve(args.get(1));
            boolean local = isTrue(c.resolve(args.get(2)));
            if (setting == null) {
                throw new BuiltinError("22004", "SET requires parameter name");
            }
            c.changes.addAll(c.session.settings().set(setting, value == null ? "" : value, local));
            return c.session.settings().get(setting);
        }, false);
    }

    private static Expr currentSetting(String name, List<Arg> args, Map<Integer, Integer> paramTypes) {
        if (args.isEmpty() || args.size() > 2) {
            return null;
        }
        declare(args.get(0), Types.TEXT_OID, paramTypes);
        if (args.size() == 2) {
            declare(args.get(1), Types.BOOL_OID, paramTypes);
        }
        return new Expr(name, Types.of("text"), c -> {
            String setting = c.resolve(args.get(0));
            String value = setting == null ? null : c.session.settings().get(setting);
            boolean missingOk = args.size() == 2 && isTrue(c.resolve(args.get(1)));
            if (value == null && !missingOk) {
                throw BuiltinError.unknownSetting(setting);
            }
            return value;
        }, false);
    }

    private static boolean isTrue(String text) {
        return text != null && switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true", "on", "yes", "y", "1" -> true;
            default -> false;
        };
    }

    private static void declare(Arg arg, int oid, Map<Integer, Integer> paramTypes) {
        if (arg.isParam()) {
            paramTypes.putIfAbsent(arg.paramIndex(), oid);
        }
    }
}
