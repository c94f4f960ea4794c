package io.mockpg.junit5;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodScriptTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearRecords() {
        SEEN.clear();
    }

    @Test
    void methodScriptTakesPrecedenceOverClassScriptsForItsTestOnly() {
        EngineExecutionResults results = CaseRunner.run(PrecedenceCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(Set.of("with method script: 99", "without: 3"), Set.copyOf(SEEN));
    }

    @Test
    void unusedMethodRuleFailsItsTestWhenAsked() {
        EngineExecutionResults results = CaseRunner.run(UnusedMethodRuleCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String failure = CaseRunner.testFailures(results).get(0);
        assertTrue(failure.contains("1 rule(s) never answered during this test (failOnUnusedRules): count-users-extra"),
                failure);
    }

    @Test
    void unusedClassRuleFailsTheClassWhenAsked() {
        EngineExecutionResults results = CaseRunner.run(UnusedClassRuleCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        List<String> failures = CaseRunner.classFailures(results);
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("1 rule(s) never answered in " + UnusedClassRuleCase.class.getName()
                + " (failOnUnusedRules): count-users"), failures.get(0));
    }

    @Test
    void missingMethodScriptFailsTheTestNamingIt() {
        EngineExecutionResults results = CaseRunner.run(MissingMethodScriptCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String failure = CaseRunner.testFailures(results).get(0);
        assertTrue(failure.contains("mockpg: cannot load script classpath:no-such-extra.yaml for "
                + MissingMethodScriptCase.class.getName() + ".test"), failure);
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class PrecedenceCase {
        @Test
        @MockPgScript("classpath:extra.yaml")
        void withMethodScript(Connection connection) throws SQLException {
            SEEN.add("with method script: " + Sql.firstValue(connection, "SELECT count(*) FROM users"));
        }

        @Test
        void without(Connection connection) throws SQLException {
            SEEN.add("without: " + Sql.firstValue(connection, "SELECT count(*) FROM users"));
        }
    }

    @MockPg(failOnUnusedRules = true)
    static class UnusedMethodRuleCase {
        @Test
        @MockPgScript("classpath:extra.yaml")
        void neverAsks() {
            SEEN.add("ran");
        }
    }

    @MockPg(scripts = "classpath:shop.yaml", failOnUnusedRules = true)
    static class UnusedClassRuleCase {
        @Test
        void asksForOneUser(Connection connection) throws SQLException {
            SEEN.add(Sql.userName(connection));
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class MissingMethodScriptCase {
        @Test
        @MockPgScript("classpath:no-such-extra.yaml")
        void test() {
            SEEN.add("ran");
        }
    }
}
