package io.mockpg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which statements a stub answers or a verification counts (a script's {@code match} and
 * rule-level keys, docs/script-reference.md). Made by {@link MockPgDsl#statement},
 * {@link MockPgDsl#regex} and {@link MockPgDsl#anyStatement()}; immutable, each method returns
 * a changed copy, so one pattern can stub and then verify.
 *
 * <p>For {@link MockPgServer#verify(int, StatementPattern)} and {@link MockPgServer#find}, the
 * match keys count ({@code sql}/{@code regex}, params, user, database), {@link #withId} counts
 * the statements that rule answered, and {@link #committed()}/{@link #rolledBack()} narrow to
 * the statements whose transaction ended that way; {@code times} and scenarios only shape stubs.
 */
public final class StatementPattern {
    final String sql;
    final String regex;
    final List<Object> params;
    final List<String> paramTypes;
    final String user;
    final String database;
    final String id;
    final Integer times;
    final String scenario;
    final String state;
    final String nextState;
    final String outcome;

    private StatementPattern(String sql, String regex, List<Object> params, List<String> paramTypes, String user,
                             String database, String id, Integer times, String scenario, String state,
                             String nextState, String outcome) {
        this.sql = sql;
        this.regex = regex;
        this.params = params;
        this.paramTypes = paramTypes;
        this.user = user;
        this.database = database;
        this.id = id;
        this.times = times;
        this.scenario = scenario;
        this.state = state;
        this.nextState = nextState;
        this.outcome = outcome;
    }

    static StatementPattern of(String sql, String regex) {
        return new StatementPattern(sql, regex, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The statement's parameters, one per {@code $n} in order: plain Java values (equal by value:
     * numbers numerically, booleans as booleans, other values by their PostgreSQL text form),
     * {@code null} for SQL NULL, {@link MockPgDsl#anyParam()} or {@link MockPgDsl#paramMatching}.
     * Parameters beyond those given match anything.
     */
    public StatementPattern withParams(Object... values) {
        List<Object> given = values == null ? Collections.singletonList(null) : Arrays.asList(values);
        return new StatementPattern(sql, regex, Collections.unmodifiableList(new ArrayList<>(given)), paramTypes, user,
                database, id, times, scenario, state, nextState, outcome);
    }

    /** Parameter types reported in ParameterDescription when the client did not give them ({@code int4}, ...). */
    public StatementPattern withParamTypes(String... typeNames) {
        return new StatementPattern(sql, regex, params, List.of(typeNames), user, database, id, times, scenario, state,
                nextState, outcome);
    }

    /** Only statements of sessions logged in as this user. */
    public StatementPattern withUser(String name) {
        return new StatementPattern(sql, regex, params, paramTypes, Objects.requireNonNull(name, "user"), database, id,
                times, scenario, state, nextState, outcome);
    }

    /** Only statements of sessions connected to this database. */
    public StatementPattern withDatabase(String name) {
        return new StatementPattern(sql, regex, params, paramTypes, user, Objects.requireNonNull(name, "database"), id,
                times, scenario, state, nextState, outcome);
    }

    /** The rule's id, shown in the journal and reports (unique within the server). */
    public StatementPattern withId(String ruleId) {
        return new StatementPattern(sql, regex, params, paramTypes, user, database,
                Objects.requireNonNull(ruleId, "id"), times, scenario, state, nextState, outcome);
    }

    /** The rule answers at most this many statements, then is passed over. */
    public StatementPattern times(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("times(" + count + "): give 0 or more");
        }
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, count, scenario, state,
                nextState, outcome);
    }

    /** The rule belongs to this scenario (every scenario starts in {@code "Started"}). */
    public StatementPattern inScenario(String name) {
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, times,
                Objects.requireNonNull(name, "scenario"), state, nextState, outcome);
    }

    /** The rule applies only while its scenario is in this state. */
    public StatementPattern whenState(String required) {
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, times, scenario,
                Objects.requireNonNull(required, "state"), nextState, outcome);
    }

    /** After answering, the rule's scenario moves to this state. */
    public StatementPattern willSetStateTo(String next) {
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, times, scenario, state,
                Objects.requireNonNull(next, "next state"), outcome);
    }

    /** Verification only: statements whose transaction committed. */
    public StatementPattern committed() {
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, times, scenario, state,
                nextState, "committed");
    }

    /** Verification only: statements whose transaction rolled back. */
    public StatementPattern rolledBack() {
        return new StatementPattern(sql, regex, params, paramTypes, user, database, id, times, scenario, state,
                nextState, "rolled_back");
    }

    /** A stub answering the matching statements with {@code answer}. */
    public Stub willReturn(Answer answer) {
        return new Stub(this, List.of(Objects.requireNonNull(answer, "answer")));
    }

    /** A stub answering the matching statements with a fault, as a real PostgreSQL or network fails. */
    public Stub willFault(Fault fault) {
        return willReturn(MockPgDsl.fault(fault));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(sql != null ? "statement(\"" + sql + "\")" : regex != null ? "regex(\"" + regex + "\")" : "anyStatement()");
        if (params != null) {
            text.append(".withParams(").append(params).append(')');
        }
        if (user != null) {
            text.append(".withUser(\"").append(user).append("\")");
        }
        if (database != null) {
            text.append(".withDatabase(\"").append(database).append("\")");
        }
        if (id != null) {
            text.append(".withId(\"").append(id).append("\")");
        }
        if (outcome != null) {
            text.append(outcome.equals("committed") ? ".committed()" : ".rolledBack()");
        }
        return text.toString();
    }
}
