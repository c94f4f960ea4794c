package io.mockpg.examples.hygiene;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A connection handed back to HikariCP inside a transaction fails its test; the committed ones pass. */
class TransactionHygieneTest {

    @Test
    void theLeakyRefundFailsNamingTheSessionAndItsStatements() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(RefundHygieneCase.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        List<Event> failed = results.testEvents().failed().list();
        assertEquals("leakyZeroRefund()", failed.get(0).getTestDescriptor().getDisplayName());
        String message = failed.get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("");
        assertTrue(message.matches("(?s)mockpg: session \\d+ \\(user app\\) was left inside a transaction block, "
                + "status T, at the end of the test \\(failOnOpenTransaction\\): a connection handed back to its pool "
                + "without COMMIT or ROLLBACK\\? Its open transaction:\n"
                + "  \\[session \\d+\\] BEGIN\n"
                + "  \\[session \\d+\\] UPDATE payments SET refunded = true WHERE id = 3"), message);
    }
}
