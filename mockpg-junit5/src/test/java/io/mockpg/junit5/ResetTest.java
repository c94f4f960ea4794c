package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResetTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearRecords() {
        SEEN.clear();
    }

    @Test
    void everyTestStartsWithAnEmptyJournal() {
        EngineExecutionResults results = CaseRunner.run(JournalCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("journal at start: 0, after: [user-by-id]", "journal at start: 0, after: [user-by-id]"),
                SEEN);
    }

    @Test
    void everyTestStartsWithScenariosInTheirFirstState() {
        EngineExecutionResults results = CaseRunner.run(ScenarioCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("new then shipped", "new then shipped"), SEEN);
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class JournalCase {
        @Test
        void first(MockPgServer server) throws SQLException {
            queryOnce(server);
        }

        @Test
        void second(MockPgServer server) throws SQLException {
            queryOnce(server);
        }

        private static void queryOnce(MockPgServer server) throws SQLException {
            int atStart = server.journal().size();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "app", "")) {
                Sql.userName(connection);
            }
            List<String> answeredBy = Sql.scriptRules(server.journal());
            SEEN.add("journal at start: " + atStart + ", after: " + answeredBy);
        }
    }

    @MockPg(scripts = "classpath:scenario.yaml")
    static class ScenarioCase {
        @Test
        void first(Connection connection) throws SQLException {
            statusTwice(connection);
        }

        @Test
        void second(Connection connection) throws SQLException {
            statusTwice(connection);
        }

        private static void statusTwice(Connection connection) throws SQLException {
            String before = Sql.firstValue(connection, "SELECT status FROM orders WHERE id = 1");
            String after = Sql.firstValue(connection, "SELECT status FROM orders WHERE id = 1");
            SEEN.add(before + " then " + after);
        }
    }
}
