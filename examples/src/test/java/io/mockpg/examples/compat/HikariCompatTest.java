package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

/** pgjdbc through HikariCP against the suite's script: the pool's chatter is all answered. */
class HikariCompatTest {
    @Test
    void conversation() {
        CheckReport report = CheckReport.asserting("hikari");
        try (MockPgServer server = CompatScript.start()) {
            new HikariClient(() -> {
                report.require(server.unmatched().isEmpty(), "pool chatter unmatched: " + server.unmatched());
                return ", " + server.journal().size() + " statements of pool chatter";
            }).converse(Endpoint.of(server), report);
        }
        report.finish();
    }
}
