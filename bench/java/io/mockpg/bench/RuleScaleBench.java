package io.mockpg.bench;

import io.mockpg.internal.engine.Answer;
import io.mockpg.internal.engine.EngineSession;
import io.mockpg.internal.engine.Result;
import io.mockpg.internal.engine.SessionInfo;
import io.mockpg.internal.engine.StatementRequest;
import io.mockpg.internal.respond.ScriptEngine;
import io.mockpg.internal.script.Match;
import io.mockpg.internal.script.Response;
import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;
import io.mockpg.internal.session.TransactionStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures {@code EngineSession.answer} for a statement that hits a simple static rule, with
 * 10 and with 10,000 sql rules loaded: the cost must not grow with the number of rules.
 * Prints ns/op (median of several rounds) and the ratio; an argument overrides the operations
 * per round (the smoke run uses few).
 */
public final class RuleScaleBench {
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 10;
    private static int opsPerRound = 200_000;

    private RuleScaleBench() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            opsPerRound = Integer.parseInt(args[0]);
        }
        Setup small = setup(10);
        Setup large = setup(10_000);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            small.timedRound();
            large.timedRound();
        }
        // interleaved rounds, so that drift (JIT, GC, neighbours) hits both alike, and each goes
        // first in every other round, so that neither always inherits the other's cache state
        double[] smallNs = new double[ROUNDS];
        double[] largeNs = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            if (i % 2 == 0) {
                smallNs[i] = small.timedRound();
                largeNs[i] = large.timedRound();
            } else {
                largeNs[i] = large.timedRound();
                smallNs[i] = small.timedRound();
            }
        }
        double smallMedian = median(smallNs);
        double largeMedian = median(largeNs);
        System.out.printf(Locale.ROOT, "10 rules:     %8.0f ns/op%n", smallMedian);
        System.out.printf(Locale.ROOT, "10000 rules:  %8.0f ns/op%n", largeMedian);
        System.out.printf(Locale.ROOT, "rule-scale-ratio %.2f%n", largeMedian / smallMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** An engine with {@code ruleCount} rules and statements that hit rules spread over the whole set. */
    private record Setup(ScriptEngine engine, EngineSession session, String[] statements) {
        /** One round of answers; ns per answer. */
        double timedRound() {
            long start = System.nanoTime();
            long sink = round(session, statements, List.of("42"));
            double ns = (System.nanoTime() - start) / (double) opsPerRound;
            if (sink != opsPerRound) {
                throw new IllegalStateException("unexpected answers: " + sink);
            }
            engine.clearJournal();
            return ns;
        }
    }

    private static Setup setup(int ruleCount) {
        long buildStart = System.nanoTime();
        ScriptEngine engine = new ScriptEngine(List.of(script(ruleCount)), "127.0.0.1", () -> 5432);
        System.out.printf(Locale.ROOT, "%d rules compiled in %d ms%n", ruleCount,
                (System.nanoTime() - buildStart) / 1_000_000);
        EngineSession session = engine.openSession(new SessionInfo(1, "app", "shop", Map.of(), n -> { }));
        String[] statements = new String[16];
        for (int i = 0; i < statements.length; i++) {
            int target = (int) ((long) i * (ruleCount - 1) / (statements.length - 1));
            statements[i] = "SELECT id, name FROM table_" + target + " WHERE id = $1";
        }
        return new Setup(engine, session, statements);
    }

    private static long round(EngineSession session, String[] statements, List<String> params) {
        long answered = 0;
        for (int i = 0; i < opsPerRound; i++) {
            Answer answer = session.answer(new StatementRequest(statements[i & 15], params, new int[] {23}, true,
                    TransactionStatus.IDLE));
            // as the protocol layer ends a statement and its batch
            session.transaction().statementEnded(answer.transaction(), answer.result() instanceof Result.Error);
            session.transaction().endOfBatch();
            if (answer.result() instanceof Result.Rows rows && rows.rows().next() != null) {
                answered++;
            }
        }
        return answered;
    }

    private static Script script(int ruleCount) {
        List<Rule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            Response response = new Response(List.of(new Response.Column("id", "int4"),
                    new Response.Column("name", "text")), List.of(List.of(42, "Alice")), 1, null, null, null,
                    List.of(), null, null, List.of(), false);
            rules.add(new Rule("rule-" + i, Match.sql("SELECT id, name FROM table_" + i + " WHERE id = $1"),
                    List.of(response), null, null, null, null, "bench.yaml", i + 1));
        }
        return Script.ofRules("bench.yaml", rules);
    }
}
