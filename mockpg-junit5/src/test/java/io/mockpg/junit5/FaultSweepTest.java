package io.mockpg.junit5;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSweepTest {

    @Test
    void fiveStatementsGiveFiveTimesSevenNamedRuns() {
        FiveStatementSweepCase.SEEN.clear();
        EngineExecutionResults results = CaseRunner.run(FiveStatementSweepCase.class);

        // the test fails wherever a statement fails: every fault run fails, the clean run passes
        results.testEvents().assertStatistics(stats -> stats.started(36).succeeded(1).failed(35));
        List<String> names = results.testEvents().started().stream()
                .map(event -> event.getTestDescriptor().getDisplayName()).toList();
        List<String> expected = new ArrayList<>(List.of("clean run"));
        for (String statement : List.of("#1 SELECT id FROM accounts …", "#2 SELECT balance FROM accounts …",
                "#3 UPDATE accounts …", "#4 UPDATE accounts …", "#5 INSERT INTO transfers …")) {
            for (String fault : List.of("40001", "40P01", "57P01", "CONNECTION_CLOSED", "CONNECTION_RESET",
                    "CLOSED_MID_RESULT", "57014")) {
                expected.add(statement + " → " + fault);
            }
        }
        assertEquals(expected, names);
        assertEquals(36, FiveStatementSweepCase.SEEN.size());
        assertEquals(List.of("fresh"), FiveStatementSweepCase.SEEN.stream().distinct().toList(),
                "every run starts on a reset server");
        // each fault run failed on the statement its name gives, as pgjdbc reports the fault
        assertTrue(failure(results, "#3 UPDATE accounts … → 40001").contains("could not serialize access"));
        assertTrue(failure(results, "#5 INSERT INTO transfers … → 57P01")
                .contains("terminating connection due to administrator command"));
        assertTrue(failure(results, "#2 SELECT balance FROM accounts … → CLOSED_MID_RESULT")
                .contains("I/O error"));
    }

    @Test
    void aSweepAmongConcurrentTestsCountsItsOwnStatementsOnly() {
        ConcurrentSweepCase.FAILED_AT.clear();
        ConcurrentSweepCase.BUSY_STATEMENTS.set(0);
        ConcurrentSweepCase.sweepStarted = new java.util.concurrent.CountDownLatch(1);
        ConcurrentSweepCase.sweepDone = new java.util.concurrent.CountDownLatch(5);
        ConcurrentSweepCase.neighboursBusy = new java.util.concurrent.CountDownLatch(2);

        EngineExecutionResults results = CaseRunner.run(CaseRunner.PARALLEL, ConcurrentSweepCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(7));
        assertEquals(java.util.Map.of("clean run", 0,
                "#1 SELECT id FROM accounts … → 40001", 1,
                "#1 SELECT id FROM accounts … → CONNECTION_CLOSED", 1,
                "#2 SELECT balance FROM accounts … → 40001", 2,
                "#2 SELECT balance FROM accounts … → CONNECTION_CLOSED", 2), ConcurrentSweepCase.FAILED_AT);
        assertTrue(ConcurrentSweepCase.BUSY_STATEMENTS.get() > 0, "the neighbours ran during the sweep");
    }

    @Test
    void aFailingCleanRunEndsTheSweep() {
        EngineExecutionResults results = CaseRunner.run(FailingCleanRunCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(List.of("clean run"), results.testEvents().failed().stream().map(FaultSweepTest::name).toList());
        assertTrue(CaseRunner.testFailures(results).get(0).contains("the clean run's own assertion"));
    }

    @Test
    void aSweepInANestedClassUsesTheEnclosingServer() {
        EngineExecutionResults results = CaseRunner.run(NestedSweepCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        assertEquals(List.of("clean run", "#1 SELECT balance FROM accounts … → 40P01",
                "#1 SELECT balance FROM accounts … → 57014"),
                results.testEvents().started().stream().map(FaultSweepTest::name).toList());
    }

    private static String failure(EngineExecutionResults results, String name) {
        List<String> failures = CaseRunner.failuresOf(results, name);
        assertEquals(1, failures.size(), name);
        return failures.get(0);
    }

    static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }
}
