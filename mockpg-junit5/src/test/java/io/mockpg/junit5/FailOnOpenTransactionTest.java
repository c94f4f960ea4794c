package io.mockpg.junit5;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailOnOpenTransactionTest {

    @Test
    void aSessionLeftInATransactionBlockFailsTheTestNamingItsStatements() {
        EngineExecutionResults results = CaseRunner.run(OpenTransactionCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        List<String> open = CaseRunner.failuresOf(results, "a_leftInTransaction(Connection)");
        assertEquals(1, open.size());
        String message = open.get(0);
        assertTrue(message.matches("(?s).*mockpg: session \\d+ \\(user mockpg\\) was left inside a transaction block, "
                + "status T, at the end of the test \\(failOnOpenTransaction\\).*"), message);
        assertTrue(message.contains("] BEGIN\n"), message);
        assertTrue(message.contains("] UPDATE accounts SET balance = balance - 10 WHERE id = 1"), message);

        String failed = CaseRunner.failuresOf(results, "b_leftInFailedTransaction(Connection, MockPgServer)").get(0);
        assertTrue(failed.contains("status E (failed)"), failed);
        assertTrue(failed.contains("] UPDATE accounts SET balance = balance + 10 WHERE id = 2"), failed);
        assertTrue(!failed.contains("balance - 10"), "only the session's own open transaction: " + failed);
    }

    @Test
    void theProgrammaticExtensionChecksToo() {
        EngineExecutionResults results = CaseRunner.run(BuilderOpenTransactionCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = CaseRunner.testFailures(results).get(0);
        assertTrue(message.contains("status T"), message);
        assertTrue(message.contains("] INSERT INTO transfers (source, target, amount) VALUES (1, 2, 10)"), message);
    }
}
