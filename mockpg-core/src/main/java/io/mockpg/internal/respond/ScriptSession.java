package io.mockpg.internal.respond;

import io.mockpg.Fault;
import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.Description;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.ErrorFields;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.journal.JournalRecord;
import io.mockpg.internal.logging.LogText;
import io.mockpg.internal.journal.SessionJournal;
import io.mockpg.internal.matching.MatchContext;
import io.mockpg.internal.matching.MatchedRule;
import io.mockpg.internal.matching.CatalogReads;
import io.mockpg.internal.matching.NearMissReport;
import io.mockpg.internal.matching.RuleCheck;
import io.mockpg.internal.matching.RuleSet;
import io.mockpg.internal.respond.builtin.BuiltinSession;
import io.mockpg.internal.script.UnmatchedMode;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.sql.SqlStatement;
import io.mockpg.internal.sql.TransactionEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One session's side of the {@link ScriptEngine}: answers its statements and journals them
 * into the session's transaction, with the scenario moves its rollback undoes. Used from the
 * session's own thread only.
 */
final class ScriptSession implements EngineSession {
    private static final Logger log = LoggerFactory.getLogger(ScriptSession.class);
    private final ScriptEngine engine;
    private final SessionInfo info;
    private final BuiltinSession builtinSession;
    private final SessionJournal journal;
    private final JournalRecord.Origin origin;
    private final SessionTransaction transaction;

    ScriptSession(ScriptEngine engine, SessionInfo info, SessionTransaction transaction) {
        this.engine = engine;
        this.info = info;
        this.transaction = transaction;
        this.builtinSession = engine.builtins().openSession(info, transaction);
        this.journal = new SessionJournal(engine.journalStore());
        this.origin = new JournalRecord.Origin(info.sessionId(), info.user(), info.database());
    }

    @Override
    public Map<String, String> reportedParameters() {
        return builtinSession.reportedParameters();
    }

    @Override
    public SessionTransaction transaction() {
        return transaction;
    }

    @Override
    public TransactionEffect transactionEffect(String sql) {
        return engine.parse(sql).transactionEffect();
    }

    @Override
    public Answer answer(StatementRequest request) {
        Instant arrival = Instant.now();
        SqlStatement statement = engine.parse(request.sql());
        Answer answer = answer(statement, request, arrival);
        // an allocation for transaction control statements only: the rest keep NONE
        return answer.withTransaction(statement.transactionEffect());
    }

    private Answer answer(SqlStatement statement, StatementRequest request, Instant arrival) {
        EngineSnapshot snapshot = engine.snapshot();
        List<String> bound = boundParams(request);
        MatchContext context = new MatchContext(statement, bound, request.extended(), info.user(), info.database());
        MatchedRule matched = engine.matcher().firstAnswering(snapshot.rules(), context);
        if (matched != null) {
            return answerFromRule(snapshot, matched, statement, request, bound, arrival);
        }
        if (snapshot.builtins()) {
            Answer builtin = engine.builtins().answer(statement, request, builtinSession);
            if (builtin != null) {
                log.debug("connection {}: built-in answer: {}", info.sessionId(), LogText.escape(request.sql()));
                record(statement.text(), request, bound, ScriptEngine.BUILTIN, arrival, null);
                return builtin;
            }
        }
        return answerUnmatched(snapshot, context, statement, request, arrival);
    }

    private Answer answerFromRule(EngineSnapshot snapshot, MatchedRule matched, SqlStatement statement,
                                  StatementRequest request, List<String> bound, Instant arrival) {
        PreparedRule rule = snapshot.rule(matched.rank());
        if (log.isDebugEnabled()) {
            log.debug("connection {}: rule {} answers: {} {}", info.sessionId(), rule.compiled().displayName(),
                    LogText.escape(request.sql()), LogText.escape(matched.params()));
        }
        CompiledResponse response = rule.response(matched.answerIndex());
        TemplateValues values = new TemplateValues(matched.params(), matched.groups(),
                rule.compiled().groupNames(), info.user(), info.database());
        Answer answer = response.answer(statement, values, info.sessionId(), engine.notificationHub());
        Fault fault = engine.faultSchedule().next(info.sessionId());
        if (fault != null) {
            answer = answerWithFault(fault, answer, rule, matched);
        }
        List<String> journalParams = request.extended() ? bound
                : rule.compiled().pattern() != null ? matched.params() : List.of();
        record(statement.text(), request, journalParams, rule.compiled().displayName(), arrival, null);
        if (fault == null && matched.scenarioMove() != null && !(answer.result() instanceof Result.Error)) {
            transaction.enlist(new Undo(engine.resetCount(), matched.scenarioMove()));
        }
        return answer;
    }

    /**
     * A scheduled fault answers instead of the rule: the rule's claim and scenario move are
     * given back, so a retry of the statement gets what the rule would have answered the first time.
     */
    private Answer answerWithFault(Fault fault, Answer answer, PreparedRule rule, MatchedRule matched) {
        log.info("connection {}: fault {} instead of rule {}", info.sessionId(), fault, rule.compiled().displayName());
        rule.compiled().state().unclaim();
        if (matched.scenarioMove() != null) {
            engine.scenarios().set(matched.scenarioMove().scenario(), matched.scenarioMove().previousState());
        }
        return FaultAnswers.of(fault, answer);
    }

    private Answer answerUnmatched(EngineSnapshot snapshot, MatchContext context, SqlStatement statement,
                                   StatementRequest request, Instant arrival) {
        log.info("connection {}: no rule matches: {}{}", info.sessionId(), LogText.escape(request.sql()),
                context.boundParams().isEmpty() ? "" : " " + LogText.escape(context.boundParams()));
        MatchContext compared = comparedForNearMisses(context);
        Supplier<String> report = () -> withFixIt(NearMissReport.format(context.boundParams(),
                engine.nearMisses().closest(snapshot.rules(), compared, NearMissReport.LIMIT), snapshot.rules().size(),
                CatalogReads.readsCatalog(statement)), statement.text(), context.boundParams());
        if (snapshot.unmatched() == UnmatchedMode.EMPTY) {
            record(statement.text(), request, context.boundParams(), null, arrival, report);
            return UnmatchedAnswers.empty(statement);
        }
        String detail = report.get();
        record(statement.text(), request, context.boundParams(), null, arrival, () -> detail);
        return UnmatchedAnswers.error(request.sql(), detail);
    }

    /** The near-miss report, then a rule that answers the statement. */
    private static String withFixIt(String report, String sql, List<String> params) {
        String fixIt = FixItRule.yaml(sql, params);
        return fixIt.isEmpty() ? report : report.isEmpty() ? fixIt : report + "\n" + fixIt;
    }

    /**
     * What the near-miss report compares: the statement, or only its first
     * {@link NearMissReport#MAX_COMPARED_CHARS} characters. Grading costs more than linear time
     * in the statement's length, and a report runs on the session's event loop.
     */
    private MatchContext comparedForNearMisses(MatchContext context) {
        String text = context.text();
        if (text.length() <= NearMissReport.MAX_COMPARED_CHARS) {
            return context;
        }
        SqlStatement prefix = engine.parse(text.substring(0, NearMissReport.MAX_COMPARED_CHARS));
        return new MatchContext(prefix, context.boundParams(), context.extended(), context.user(), context.database());
    }

    @Override
    public boolean answerable(String sql) {
        EngineSnapshot snapshot = engine.snapshot();
        if (snapshot.unmatched() == UnmatchedMode.EMPTY) {
            return true;
        }
        SqlStatement statement = engine.parse(sql);
        return StatementDescriber.describe(engine.check(), snapshot, statement, null, info.user(),
                info.database()) != null
                || snapshot.builtins() && engine.builtins().describe(statement, null) != null;
    }

    @Override
    public ErrorFields parseError(String sql) {
        EngineSnapshot snapshot = engine.snapshot();
        if (!snapshot.parseErrors()) {
            return null;
        }
        SqlStatement statement = engine.parse(sql);
        PreparedRule rule = StatementDescriber.failingParse(engine.check(), snapshot, statement, info.user(),
                info.database());
        if (rule == null) {
            return null;
        }
        // journaled as answered by its rule, as when the error answers Execute
        record(statement.text(), new StatementRequest(sql, List.of(), new int[0], true, null), List.of(),
                rule.compiled().displayName(), Instant.now(), null);
        return rule.currentResponse().error(new TemplateValues(Collections.nCopies(statement.maxPlaceholder(),
                null), null, Set.of(), info.user(), info.database()));
    }

    @Override
    public ErrorFields bindError(String sql, List<String> params) {
        EngineSnapshot snapshot = engine.snapshot();
        if (!snapshot.bindErrors()) {
            return null;
        }
        SqlStatement statement = engine.parse(sql);
        MatchContext context = new MatchContext(statement, params, true, info.user(), info.database());
        RuleSet.Candidates candidates = snapshot.rules().candidates(statement);
        for (int rank = candidates.nextRank(); rank >= 0; rank = candidates.nextRank()) {
            if (engine.check().check(snapshot.rules().rule(rank), context, RuleCheck.Mode.ANSWER).matched()) {
                // the answering rule: claimed only when its answer is the Bind's error, else Execute claims it
                PreparedRule rule = snapshot.rule(rank);
                MatchedRule matched = rule.currentResponse().failsAtBind()
                        ? engine.matcher().tryAnswer(snapshot.rules().rule(rank), rank, context) : null;
                if (matched == null) {
                    return null;
                }
                record(statement.text(), new StatementRequest(sql, params, new int[0], true, null), params,
                        rule.compiled().displayName(), Instant.now(), null);
                return rule.response(matched.answerIndex()).error(new TemplateValues(matched.params(),
                        matched.groups(), rule.compiled().groupNames(), info.user(), info.database()));
            }
        }
        return null;
    }

    @Override
    public Description describe(String sql, int[] clientParamOids) {
        SqlStatement statement = engine.parse(sql);
        EngineSnapshot snapshot = engine.snapshot();
        Description description = StatementDescriber.describe(engine.check(), snapshot, statement, clientParamOids,
                info.user(), info.database());
        if (description == null && snapshot.builtins()) {
            description = engine.builtins().describe(statement, clientParamOids);
        }
        return description != null ? description : StatementDescriber.fallback(statement, clientParamOids);
    }

    @Override
    public void recordRejected(StatementRequest request) {
        record(request.sql(), request, boundParams(request), ScriptEngine.REJECTED, Instant.now(), null);
    }

    @Override
    public void copyReceived(String data) {
        journal.copyReceived(data);
    }

    @Override
    public void close() {
        builtinSession.close();
    }

    /** @param sql the statement's text: the parsed statement's own, shared by every repeat of it */
    private void record(String sql, StatementRequest request, List<String> params, String ruleId, Instant arrival,
                        Supplier<String> nearMissReport) {
        JournalRecord record = new JournalRecord(origin, request.extended(), sql, params, ruleId, arrival, nearMissReport);
        journal.record(record);
        transaction.recorded(record);
    }

    private static List<String> boundParams(StatementRequest request) {
        return request.extended() && request.params() != null ? request.params() : List.of();
    }

    /** A scenario move to undo on rollback, void once the server was reset. */
    private final class Undo implements SessionTransaction.Work {
        private final long resetCount;
        private final MatchedRule.ScenarioMove move;

        Undo(long resetCount, MatchedRule.ScenarioMove move) {
            this.resetCount = resetCount;
            this.move = move;
        }

        @Override
        public void rollback() {
            if (resetCount == engine.resetCount()) {
                engine.scenarios().set(move.scenario(), move.previousState());
            }
        }
    }
}
