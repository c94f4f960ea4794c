package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

/** r2dbc-postgresql against the suite's script with its defaults (named statements, text results). */
class R2dbcCompatTest {
    @Test
    void conversation() {
        CheckReport report = CheckReport.asserting("r2dbc");
        try (MockPgServer server = CompatScript.start()) {
            new R2dbcClient().converse(Endpoint.of(server), report);
        }
        report.finish();
    }
}
