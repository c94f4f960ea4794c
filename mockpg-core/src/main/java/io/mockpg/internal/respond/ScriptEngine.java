package io.mockpg.internal.respond;

import io.mockpg.Fault;
import io.mockpg.RuleSummary;
import io.mockpg.JournalEntry;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementEngine;
import io.mockpg.internal.journal.Journal;
import io.mockpg.internal.journal.JournalQuery;
import io.mockpg.internal.journal.JournalRecord;
import io.mockpg.internal.journal.Verifier;
import io.mockpg.internal.matching.NearMissCalculator;
import io.mockpg.internal.matching.RuleCheck;
import io.mockpg.internal.matching.RuleMatcher;
import io.mockpg.internal.matching.RuleSet;
import io.mockpg.internal.matching.RuleState;
import io.mockpg.internal.matching.ScenarioStates;
import io.mockpg.internal.respond.builtin.BuiltinServer;
import io.mockpg.internal.respond.builtin.Builtins;
import io.mockpg.internal.respond.builtin.NotificationHub;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.ServerConfig;
import io.mockpg.internal.session.SessionTransaction;
import io.mockpg.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * The statement engine that answers from scripts (docs/script-reference.md): script rules in precedence
 * order (scripts added last first, then later base scripts, each top to bottom), then the
 * built-in answers, then the unmatched answer.
 *
 * <p>Thread-safe: sessions on different threads answer concurrently. The rules in force are
 * an immutable snapshot behind a volatile reference, replaced whole by
 * {@link #replaceScripts}, {@link #addScript} and {@link #reset}. Rule counters ({@code times},
 * {@code respond} positions) and scenario states are per server.
 *
 * <p>Journal: every statement is journalled; {@code ruleId} is the answering rule's display
 * name, {@code "builtin"} for a built-in answer, {@code null} when unmatched, and
 * {@code "rejected:25P02"} for a statement the protocol layer refused in a failed
 * transaction (it was never matched, so it is not reported as unmatched).
 *
 * <p>Scenario moves made by a rule that answers with an error are not undone by a rollback:
 * the statement failed, so the move records what the server answered, not an effect of the
 * transaction (a "fail once, then succeed" scenario would otherwise never advance).
 */
public final class ScriptEngine implements StatementEngine {
    /** The journal's ruleId for a built-in answer. */
    public static final String BUILTIN = JournalRecord.BUILTIN;
    /** The journal's ruleId for a statement refused with 25P02 in a failed transaction. */
    public static final String REJECTED = "rejected:25P02";
    private final ScenarioStates scenarios = new ScenarioStates();
    private final RuleCheck check = new RuleCheck(scenarios);
    private final RuleMatcher matcher = new RuleMatcher(check);
    private final NearMissCalculator nearMisses = new NearMissCalculator(check);
    private final Journal journal;
    private final NotificationHub hub = new NotificationHub();
    private final ParsedStatements parsed = new ParsedStatements();
    private final AtomicLong resets = new AtomicLong();
    private final FaultSchedule faults = new FaultSchedule();
    private final Builtins builtins;

    private final Object lock = new Object();
    private List<PreparedScript> base;
    private final List<PreparedScript> added = new ArrayList<>();
    private volatile ServerConfig config;
    private volatile EngineSnapshot snapshot;

    /**
     * @param scripts the base scripts; later ones take precedence
     * @param host    the bound host
     * @param port    the bound port, known once listening
     * @throws IllegalArgumentException when a rule's SQL or column type is invalid
     */
    public ScriptEngine(List<Script> scripts, String host, IntSupplier port) {
        this(scripts, host, port, Journal.DEFAULT_LIMIT);
    }

    /**
     * @param journalLimit how many statements the journal keeps; older ones are dropped and counted
     */
    public ScriptEngine(List<Script> scripts, String host, IntSupplier port, int journalLimit) {
        this.journal = new Journal(journalLimit);
        this.base = prepare(scripts, Map.of());
        this.config = ServerConfigs.merge(scripts);
        this.builtins = new Builtins(new BuiltinServer(config.version(), config.parameters(), host, port, hub,
                this::scriptRules));
        this.snapshot = buildSnapshot();
    }

    @Override
    public ServerConfig serverConfig() {
        return config;
    }

    @Override
    public EngineSession openSession(SessionInfo info) {
        return new ScriptSession(this, info, new SessionTransaction());
    }

    /**
     * Hot reload: the base scripts are replaced; added scripts stay. Rules with the same display
     * name keep their counters. The {@code server} block changes only what {@link #serverConfig()}
     * reports (built-in settings keep the values of the first load).
     */
    public void replaceScripts(List<Script> scripts) {
        synchronized (lock) {
            Map<String, RuleState> counters = new HashMap<>();
            for (PreparedScript script : base) {
                for (PreparedRule rule : script.rules()) {
                    counters.putIfAbsent(rule.compiled().displayName(), rule.compiled().state());
                }
            }
            List<PreparedScript> replacement = prepare(scripts, counters);
            base = replacement;
            config = ServerConfigs.merge(scripts);
            snapshot = buildSnapshot();
        }
    }

    /** Adds a script ahead of every loaded rule (docs/script-reference.md, "Rules"); {@link #reset()} removes it. */
    public void addScript(Script script) {
        PreparedScript prepared = prepare(List.of(script), Map.of()).get(0);
        synchronized (lock) {
            added.add(prepared);
            snapshot = buildSnapshot();
        }
    }

    /**
     * Back to the state after start: journal emptied, scenarios in Started, rule counters and
     * respond positions at zero, added scripts removed.
     */
    public void reset() {
        synchronized (lock) {
            added.clear();
            resets.incrementAndGet();
            scenarios.reset();
            for (PreparedScript script : base) {
                for (PreparedRule rule : script.rules()) {
                    rule.compiled().state().reset();
                }
            }
            snapshot = buildSnapshot();
            journal.clear();
            faults.clear();
        }
    }

    /**
     * The {@code at}-th statement answered by a script rule from now (1 = the next; built-in
     * answers and unmatched statements do not count) is answered by {@code fault} instead.
     *
     * @throws IllegalArgumentException when {@code at} is below 1 or {@code fault} is null
     */
    public void injectFault(int at, Fault fault) {
        faults.schedule(at, fault, session -> true);
    }

    /**
     * The same, counting only the statements of the sessions {@code sessions} accepts (a fault
     * sweep among tests that share the server concurrently).
     *
     * @return drops the fault if it has not been played
     */
    public Runnable injectFault(int at, Fault fault, IntPredicate sessions) {
        return faults.schedule(at, fault, sessions);
    }

    /** Drops the faults injected and not yet played. {@link #reset()} does too. */
    public void clearFaults() {
        faults.clear();
    }

    /** Every rule in precedence order, with how often it answered. */
    public List<RuleSummary> rules() {
        List<RuleSummary> rules = new ArrayList<>();
        for (PreparedRule prepared : snapshot.prepared()) {
            Rule rule = prepared.compiled().rule();
            rules.add(new RuleSummary(rule.displayName(), rule.source(), prepared.compiled().state().answered()));
        }
        return rules;
    }

    /** Every statement received, in arrival order. */
    public List<JournalEntry> journal() {
        return journal.entries();
    }

    /** The statements no rule or built-in answered. */
    public List<JournalEntry> unmatched() {
        return journal.unmatched();
    }

    public void clearJournal() {
        journal.clear();
    }

    /** AssertionError unless exactly {@code count} received statements match {@code sql} (docs/junit5.md). */
    public void verify(int count, String sql) {
        Verifier.verify(journal, count, JournalQuery.sql(sql));
    }

    /** AssertionError unless exactly {@code count} received statements match the query. */
    public void verify(int count, JournalQuery query) {
        Verifier.verify(journal, count, query);
    }

    /** The received statements the query matches, in arrival order. */
    public List<JournalEntry> find(JournalQuery query) {
        return Verifier.find(journal, query);
    }

    /** How many of the oldest statements the journal dropped (journal limit) since it was last emptied. */
    public long journalDropped() {
        return journal.dropped();
    }

    /** The sequence number of the newest journal entry (0 before the first). */
    public long journalLastSequence() {
        return journal.lastSequence();
    }

    /** At most {@code max} entries with a sequence number above {@code after}, in arrival order. */
    public List<JournalEntry> journalPage(long after, int max) {
        List<JournalEntry> page = new ArrayList<>();
        for (JournalRecord record : journal.page(after, max)) {
            page.add(record.entry());
        }
        return page;
    }

    /** AssertionError with the near-miss report of each unmatched statement. */
    public void verifyNoUnmatched() {
        Verifier.verifyNoUnmatched(journal.unmatchedRecords());
    }

    /** The statement for {@code sql}, parsed once per text while it stays in the cache. */
    SqlStatement parse(String sql) {
        return parsed.parse(sql);
    }

    /** LISTEN/NOTIFY routing shared by every session (also for the admin API's notify). */
    public NotificationHub notificationHub() {
        return hub;
    }

    EngineSnapshot snapshot() {
        return snapshot;
    }

    /** The rules loaded now, in precedence order, for the built-ins that read what the script declares. */
    private List<Rule> scriptRules() {
        RuleSet rules = snapshot.rules();
        List<Rule> list = new ArrayList<>(rules.size());
        for (int rank = 0; rank < rules.size(); rank++) {
            list.add(rules.rule(rank).rule());
        }
        return list;
    }

    ScenarioStates scenarios() {
        return scenarios;
    }

    RuleCheck check() {
        return check;
    }

    RuleMatcher matcher() {
        return matcher;
    }

    NearMissCalculator nearMisses() {
        return nearMisses;
    }

    Journal journalStore() {
        return journal;
    }

    FaultSchedule faultSchedule() {
        return faults;
    }

    Builtins builtins() {
        return builtins;
    }

    /** Increases with every reset; undo entries older than the last reset are void. */
    long resetCount() {
        return resets.get();
    }

    private EngineSnapshot buildSnapshot() {
        List<PreparedRule> precedence = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        for (int i = added.size() - 1; i >= 0; i--) {
            precedence.addAll(added.get(i).rules());
            scripts.add(added.get(i).script());
        }
        for (int i = base.size() - 1; i >= 0; i--) {
            precedence.addAll(base.get(i).rules());
            scripts.add(base.get(i).script());
        }
        return EngineSnapshot.of(precedence, ServerConfigs.unmatched(scripts), ServerConfigs.builtins(scripts));
    }

    private static List<PreparedScript> prepare(List<Script> scripts, Map<String, RuleState> counters) {
        List<PreparedScript> prepared = new ArrayList<>(scripts.size());
        for (Script script : scripts) {
            List<PreparedRule> rules = new ArrayList<>(script.rules().size());
            for (Rule rule : script.rules()) {
                RuleState state = counters.getOrDefault(rule.displayName(), new RuleState());
                rules.add(PreparedRule.of(rule, state));
            }
            prepared.add(new PreparedScript(script, List.copyOf(rules)));
        }
        return List.copyOf(prepared);
    }

    private record PreparedScript(Script script, List<PreparedRule> rules) {
    }
}
