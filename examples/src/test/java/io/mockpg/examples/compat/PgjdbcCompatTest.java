package io.mockpg.examples.compat;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** pgjdbc against the suite's script in its three protocol modes, plus a batch. */
class PgjdbcCompatTest {
    @AutoClose
    private static MockPgServer server;

    @BeforeAll
    static void start() {
        server = CompatScript.start();
    }

    @ParameterizedTest
    @EnumSource(PgjdbcClient.Mode.class)
    void conversation(PgjdbcClient.Mode mode) {
        CheckReport report = CheckReport.asserting(mode.client);
        new PgjdbcClient(mode).converse(Endpoint.of(server), report);
        report.finish();
    }
}
