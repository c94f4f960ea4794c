package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mockpg.MockPgDsl.column;
import static io.mockpg.MockPgDsl.rows;
import static io.mockpg.MockPgDsl.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test's {@code server.stub(...)} is undone after the test; the extension builder's stubs stay for every test. */
class StubLifecycleTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void aTestsStubIsGoneInTheNextTest() {
        SEEN.clear();
        EngineExecutionResults results = CaseRunner.run(StubbingCase.class);
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("first: stubbed", "second: MP001"), SEEN);
    }

    @MockPg(failOnUnmatched = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StubbingCase {
        @Test
        @Order(1)
        void first(MockPgServer server, Connection connection) throws SQLException {
            server.stub(statement("SELECT answer FROM t").willReturn(rows(column("answer", "text")).row("stubbed")));
            SEEN.add("first: " + query(connection));
        }

        @Test
        @Order(2)
        void second(Connection connection) {
            try {
                SEEN.add("second: " + query(connection));
            } catch (SQLException e) {
                SEEN.add("second: " + e.getSQLState());
            }
        }

        private static String query(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT answer FROM t")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
