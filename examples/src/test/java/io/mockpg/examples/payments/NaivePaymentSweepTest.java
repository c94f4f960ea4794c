package io.mockpg.examples.payments;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep finds the naive retry loop's bugs: run through the testkit, its failures are asserted. */
class NaivePaymentSweepTest {

    @Test
    void theSweepFailsEveryFaultButTheSerializationFailure() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(NaivePaymentSweepCase.class)).execute();

        Map<String, String> failures = new TreeMap<>();
        for (Event event : results.testEvents().failed().list()) {
            failures.put(event.getTestDescriptor().getDisplayName(), event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""));
        }
        results.testEvents().assertStatistics(stats -> stats.started(19).succeeded(4).failed(15));
        for (String statement : List.of("#1 SELECT status, amount FROM orders …", "#2 INSERT INTO payments …",
                "#3 UPDATE orders …")) {
            // bug 1: a deadlock is as retryable as a serialization failure, and is not retried
            assertTrue(failures.get(statement + " → 40P01").startsWith("ERROR: deadlock detected"), statement);
            // bug 2: rollback() on the lost connection throws, and that hides the failure it was handling
            for (String fault : List.of("57P01", "CONNECTION_CLOSED", "CONNECTION_RESET", "CLOSED_MID_RESULT")) {
                assertEquals("Connection is closed", failures.get(statement + " → " + fault), statement + fault);
            }
        }
    }
}
