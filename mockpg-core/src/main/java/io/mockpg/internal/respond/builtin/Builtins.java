package io.mockpg.internal.respond.builtin;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Answer.ParameterChange;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.ParamTypes;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.SqlToken;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Built-in answers (docs/script-reference.md, "Top level"): session settings, transaction control tags, housekeeping,
 * liveness checks, server functions and the catalog queries drivers send by themselves.
 * Consulted after every script rule.
 */
public final class Builtins {
    private static final String DEFAULT_VERSION = "16.4";

    private final BuiltinServer server;
    private final ServerFacts facts;

    /** Bounds the plan cache; it is simply emptied when full. */
    private static final int MAX_CACHED_PLANS = 1024;
    /** As the engine's parsed-statement cache: longer texts are planned, not kept. */
    private static final int MAX_CACHED_TEXT_LENGTH = 8192;

    private final ConcurrentHashMap<String, Optional<BuiltinPlan>> plans = new ConcurrentHashMap<>();

    public Builtins(BuiltinServer server) {
        this.server = server;
        String version = server.version() == null ? DEFAULT_VERSION : server.version();
        IntSupplier port = server.port() == null ? () -> 0 : server.port();
        String host = server.host() == null ? "127.0.0.1" : server.host();
        this.facts = new ServerFacts(version, host, port, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Per-session built-in state (settings, listened channels), for a session with this transaction. */
    public BuiltinSession openSession(SessionInfo info, SessionTransaction transaction) {
        Map<String, String> start = new LinkedHashMap<>();
        start.put("server_version", facts.version());
        start.put("server_version_num", facts.versionNum());
        start.put("session_authorization", info.user());
        start.put("port", Integer.toString(facts.port().getAsInt()));
        if (server.parameters() != null) {
            start.putAll(server.parameters());
        }
        if (info.startupParameters() != null) {
            info.startupParameters().forEach((name, value) -> startupSetting(start, name, value));
        }
        List<String> reported = new ArrayList<>(SettingDefaults.REPORTED);
        if (facts.majorVersion() < 18) {
            reported.remove("search_path");
        }
        if (facts.majorVersion() < 16) {
            reported.remove("scram_iterations"); // reported since PostgreSQL 16
        }
        return new BuiltinSession(info, new SessionSettings(start, reported), server.hub(), transaction);
    }

    /** A StartupMessage parameter as a setting; user, database and protocol options are not settings. */
    private static void startupSetting(Map<String, String> start, String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("user") || lower.equals("database") || lower.equals("options")
                || lower.equals("replication") || lower.startsWith("_pq_.") || value == null) {
            return;
        }
        String unquoted = value.length() > 1 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
        String canonical = SessionSettings.canonicalName(name);
        String normalized = switch (canonical) {
            case "client_encoding" -> SettingValues.encoding(unquoted);
            case "DateStyle" -> SettingValues.dateStyle(unquoted, "ISO, MDY");
            default -> unquoted;
        };
        start.put(canonical, normalized);
    }

    /** The built-in answer, or null when the statement is not one the server answers by itself. */
    public Answer answer(SqlStatement statement, StatementRequest request, BuiltinSession session) {
        if (statement.verb().isEmpty()) {
            return Answer.of(new Result.Empty());
        }
        BuiltinPlan plan = plan(statement);
        if (plan == null) {
            return null;
        }
        List<ParameterChange> ended = session.observeStatus(request.transactionStatus());
        Answer answer = plan.run(request, session);
        if (ended.isEmpty()) {
            return answer;
        }
        List<ParameterChange> changes = new ArrayList<>(ended);
        changes.addAll(answer.parameterStatus());
        return new Answer(answer.notices(), answer.delay(), answer.result(), answer.fault(), answer.afterSend(),
                changes, answer.transaction());
    }

    /** Whether the server answers this statement by itself (a recorder leaves such driver chatter out). */
    public boolean answers(SqlStatement statement) {
        return statement.verb().isEmpty() || plan(statement) != null;
    }

    /** Describe-statement for a built-in statement, or null when not built-in. */
    public Description describe(SqlStatement statement, int[] clientParamOids) {
        if (statement.verb().isEmpty()) {
            return new Description(new int[0], null);
        }
        BuiltinPlan plan = plan(statement);
        if (plan == null) {
            return null;
        }
        int[] oids = ParamTypes.merge(clientParamOids, ParamTypes.count(statement.maxPlaceholder(), clientParamOids),
                i -> plan.paramTypes().getOrDefault(i + 1, Types.TEXT_OID));
        return new Description(oids, plan.columns());
    }

    /**
     * The statement's plan, recognized once per statement text: plans depend on the text and
     * the server alone (session and parameters come in when they run), and liveness checks
     * such as {@code SELECT 1} repeat the same text all day.
     */
    private BuiltinPlan plan(SqlStatement statement) {
        if (statement.text().length() > MAX_CACHED_TEXT_LENGTH) {
            return recognize(statement); // bulk statements with inlined values are rarely repeated
        }
        Optional<BuiltinPlan> known = plans.get(statement.text());
        if (known == null) {
            known = Optional.ofNullable(recognize(statement));
            if (plans.size() >= MAX_CACHED_PLANS) {
                plans.clear();
            }
            plans.put(statement.text(), known);
        }
        return known.orElse(null);
    }

    /** Dispatches on the verb first, so that most statements cost one switch. */
    private BuiltinPlan recognize(SqlStatement statement) {
        String verb = statement.verb();
        return switch (verb) {
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
                    TransactionControl.plan(statement.transactionEffect(), tokens(statement));
            case "SET", "RESET", "SHOW" -> SettingCommands.plan(verb, tokens(statement));
            case "DISCARD", "DEALLOCATE", "CLOSE", "LISTEN", "UNLISTEN", "NOTIFY" ->
                    Housekeeping.plan(verb, tokens(statement));
            case "SELECT" -> select(tokens(statement));
            case "WITH" -> with(tokens(statement));
            default -> null;
        };
    }

    private BuiltinPlan select(List<SqlToken> tokens) {
        boolean hasFrom = tokens.stream().anyMatch(token -> token.is("from"));
        if (hasFrom && InformationSchemaSequences.recognizes(tokens)) {
            return InformationSchemaSequences.plan(tokens, server.rules());
        }
        if (hasFrom && TableIntrospection.mayAnswer(tokens)) {
            BuiltinPlan introspection = TableIntrospection.plan(tokens, server.rules());
            if (introspection != null) {
                return introspection;
            }
        }
        return hasFrom ? CatalogQueries.plan(tokens) : SelectList.plan(tokens, facts);
    }

    /** Of the statements starting with WITH, asyncpg's and Sequelize's type introspection are built in. */
    private static BuiltinPlan with(List<SqlToken> tokens) {
        if (SequelizeTypes.recognizes(tokens)) {
            return SequelizeTypes.plan();
        }
        return AsyncpgIntrospection.recognizes(tokens) ? AsyncpgIntrospection.plan() : null;
    }

    private static List<SqlToken> tokens(SqlStatement statement) {
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken word : statement.words()) {
            if (!word.isSymbol(";")) {
                tokens.add(word);
            }
        }
        return tokens;
    }
}
