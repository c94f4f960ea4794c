package io.mockpg.junit5;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sweep run costs beyond the test's own body: JUnit's invocation, the server's reset
 * and the fault's injection, for a 20-statement sweep (141 runs).
 */
class FaultSweepCostTest {

    @Test
    void aRunCostsAtMostFiveMillisecondsBeyondTheTestsOwnTime() {
        TwentyStatementSweepCase.BODY_NANOS.clear();
        EngineExecutionResults results = CaseRunner.run(TwentyStatementSweepCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(141).succeeded(141));
        Map<Object, Event> started = new HashMap<>();
        List<Long> overheadNanos = new ArrayList<>();
        int run = 0;
        for (Event event : results.testEvents().list()) {
            Object id = event.getTestDescriptor().getUniqueId();
            switch (event.getType()) {
                case STARTED -> started.put(id, event);
                case FINISHED -> overheadNanos.add(Duration.between(started.get(id).getTimestamp(),
                        event.getTimestamp()).toNanos() - TwentyStatementSweepCase.BODY_NANOS.get(run++));
                default -> { }
            }
        }
        assertEquals(141, overheadNanos.size());
        // the first run pays the class loading of the JDBC driver and of the sweep itself
        List<Long> steady = overheadNanos.subList(1, overheadNanos.size()).stream().sorted().toList();
        double meanMillis = steady.stream().mapToLong(Long::longValue).average().orElseThrow() / 1e6;
        double medianMillis = steady.get(steady.size() / 2) / 1e6;
        System.out.printf("fault sweep, 20 statements, %d runs: overhead per run beyond the test body: "
                + "mean %.2f ms, median %.2f ms, max %.2f ms%n", steady.size(), meanMillis, medianMillis,
                steady.get(steady.size() - 1) / 1e6);
        assertTrue(medianMillis <= 5.0, "median overhead " + medianMillis + " ms");
    }
}
