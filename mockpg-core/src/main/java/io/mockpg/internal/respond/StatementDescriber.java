package io.mockpg.internal.respond;

import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.ParamTypes;
import io.mockpg.internal.engine.ResultColumn;
import io.mockpg.internal.matching.CompiledRule;
import io.mockpg.internal.matching.MatchContext;
import io.mockpg.internal.matching.MatchResult;
import io.mockpg.internal.matching.RuleCheck;
import io.mockpg.internal.matching.RuleSet;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.ParamMatcher;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.types.PgType;
import io.mockpg.internal.types.PgTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;

/**
 * Describe-statement from the rules (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY): the rule is found by SQL alone (parameters
 * are not bound yet; params, times and scenario are ignored). Parameter types: the client's
 * Parse OIDs where given, else the rule's {@code param_types}, else inferred from its
 * {@code params} values, else text.
 */
final class StatementDescriber {
    static final int TEXT = PgTypes.TEXT.oid();
    private static final int BOOL = PgTypes.BOOL.oid();
    private static final int INT4 = PgTypes.INT4.oid();
    private static final int INT8 = PgTypes.INT8.oid();
    private static final int NUMERIC = PgTypes.NUMERIC.oid();
    private static final BigInteger INT4_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT4_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger INT8_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT8_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private StatementDescriber() {
    }

    /** The rule's description of a statement, or null when no rule matches it by SQL. */
    static Description describe(RuleCheck check, EngineSnapshot snapshot, SqlStatement statement, int[] clientOids,
                                String user, String database) {
        PreparedRule rule = find(check, snapshot, statement, user, database);
        if (rule == null) {
            return null;
        }
        CompiledResponse response = rule.currentResponse();
        List<ResultColumn> columns = response.copy() && "COPY".equalsIgnoreCase(statement.verb()) ? null
                : response.columns();
        return new Description(paramOids(statement, clientOids, rule.compiled()), columns);
    }

    /**
     * The rule that answers the statement by SQL alone (not a near miss) when its answer is an
     * error PostgreSQL raises at Parse (docs/script-reference.md, "error"); else null.
     */
    static PreparedRule failingParse(RuleCheck check, EngineSnapshot snapshot, SqlStatement statement, String user,
                                     String database) {
        if (!snapshot.parseErrors()) {
            return null;
        }
        MatchContext context = new MatchContext(statement, Collections.nCopies(statement.maxPlaceholder(), null),
                true, user, database);
        RuleSet.Candidates candidates = snapshot.rules().candidates(statement);
        for (int rank = candidates.nextRank(); rank >= 0; rank = candidates.nextRank()) {
            if (check.check(snapshot.rules().rule(rank), context, RuleCheck.Mode.DESCRIBE).matched()) {
                PreparedRule rule = snapshot.rule(rank);
                return rule.currentResponse().failsAtParse(statement) ? rule : null;
            }
        }
        return null;
    }

    /** Without a rule: the client's OIDs where given, else text; NoData. */
    static Description fallback(SqlStatement statement, int[] clientOids) {
        return new Description(paramOids(statement, clientOids, null), null);
    }

    private static PreparedRule find(RuleCheck check, EngineSnapshot snapshot, SqlStatement statement, String user,
                                     String database) {
        RuleSet rules = snapshot.rules();
        // the parameters are not bound yet: one unknown (null) per placeholder
        MatchContext context = new MatchContext(statement, Collections.nCopies(statement.maxPlaceholder(), null),
                true, user, database);
        RuleSet.Candidates candidates = rules.candidates(statement);
        int partial = -1;
        for (int rank = candidates.nextRank(); rank >= 0; rank = candidates.nextRank()) {
            MatchResult result = check.check(rules.rule(rank), context, RuleCheck.Mode.DESCRIBE);
            if (result.matched()) {
                return snapshot.rule(rank);
            }
            if (partial < 0 && result.distance() < 1.0) {
                partial = rank;
            }
        }
        return partial >= 0 ? snapshot.rule(partial) : null;
    }

    private static int[] paramOids(SqlStatement statement, int[] clientOids, CompiledRule rule) {
        return ParamTypes.merge(clientOids, ParamTypes.count(statement.maxPlaceholder(), clientOids),
                i -> rule == null ? TEXT : ruleOid(rule, i));
    }

    private static int ruleOid(CompiledRule rule, int index) {
        Match match = rule.rule().match();
        if (match != null && match.paramTypes() != null && index < match.paramTypes().size()) {
            PgType type = PgTypes.byName(match.paramTypes().get(index));
            if (type != null) {
                return type.oid();
            }
        }
        if (index < rule.params().size()) {
            return inferred(rule.params().get(index));
        }
        return TEXT;
    }

    /** The type a {@code params} value suggests: integer → int4/int8, decimal → numeric, boolean → bool. */
    static int inferred(ParamMatcher matcher) {
        if (matcher instanceof ParamMatcher.BooleanEquals) {
            return BOOL;
        }
        if (matcher instanceof ParamMatcher.NumberEquals number) {
            BigDecimal value = number.number();
            if (value.scale() > 0) { // written with decimals
                return NUMERIC;
            }
            BigInteger integer = value.toBigIntegerExact();
            if (integer.compareTo(INT4_MIN) >= 0 && integer.compareTo(INT4_MAX) <= 0) {
                return INT4;
            }
            if (integer.compareTo(INT8_MIN) >= 0 && integer.compareTo(INT8_MAX) <= 0) {
                return INT8;
            }
            return NUMERIC;
        }
        return TEXT;
    }
}
