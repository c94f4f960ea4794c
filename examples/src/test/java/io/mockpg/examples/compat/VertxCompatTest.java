package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

/** The Vert.x PG client against the suite's script. */
class VertxCompatTest {
    @Test
    void conversation() {
        CheckReport report = CheckReport.asserting("vertx");
        try (MockPgServer server = CompatScript.start()) {
            new VertxClient().converse(Endpoint.of(server), report);
        }
        report.finish();
    }
}
