package io.mockpg.junit5;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailOnUnmatchedTest {
    static final List<String> CAUGHT = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearRecords() {
        CAUGHT.clear();
    }

    @Test
    void swallowedUnmatchedStatementStillFailsTheTest() {
        EngineExecutionResults results = CaseRunner.run(SwallowingCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(List.of("MP001"), CAUGHT, "the code under test saw and caught the error");
        String failure = CaseRunner.testFailures(results).get(0);
        assertTrue(failure.contains("1 statement(s) during this test matched no rule (failOnUnmatched; "
                + "the code under test may have caught the MP001 error)"), failure);
        assertTrue(failure.contains("SELECT * FROM nowhere"), failure);
    }

    @Test
    void nearMissReportNamesTheClosestRule() {
        EngineExecutionResults results = CaseRunner.run(NearMissCase.class);

        String failure = CaseRunner.testFailures(results).get(0);
        assertTrue(failure.contains("SELECT count(*) FROM user"), failure);
        assertTrue(failure.contains("count-users"), failure);
        assertTrue(failure.contains("\n   add this rule to answer it (edit the answer):\n"
                + "   - match:\n"
                + "       sql: \"SELECT count(*) FROM user\"\n"
                + "     respond:\n"
                + "       columns:\n"
                + "         - \"result\": \"text\"\n"), failure);
        assertTrue(failure.contains("\nor in Java (import static io.mockpg.MockPgDsl.*):\n"
                + "   server.stub(statement(\"SELECT count(*) FROM user\")\n"
                + "           .willReturn(rows(column(\"result\", \"text\")).row(\"edit me\")));"), failure);
    }

    @Test
    void lenientClassPassesDespiteUnmatchedStatements() {
        EngineExecutionResults results = CaseRunner.run(LenientCase.class, LenientFieldCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(List.of("MP001", "MP001"), CAUGHT);
    }

    @Test
    void unmatchedStatementOutsideTestsFailsTheClass() {
        EngineExecutionResults results = CaseRunner.run(UnmatchedInBeforeAllCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        List<String> failures = CaseRunner.classFailures(results);
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("1 statement(s) sent outside the tests of "
                + UnmatchedInBeforeAllCase.class.getName()),
                failures.get(0));
        assertTrue(failures.get(0).contains("SELECT * FROM setup_table"), failures.get(0));
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class SwallowingCase {
        @Test
        void catchesTheError(Connection connection) {
            CAUGHT.add(Sql.swallowedError(connection, "SELECT * FROM nowhere"));
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class NearMissCase {
        @Test
        void typo(Connection connection) {
            CAUGHT.add(Sql.swallowedError(connection, "SELECT count(*) FROM user"));
        }
    }

    @MockPg(scripts = "classpath:shop.yaml", failOnUnmatched = false)
    static class LenientCase {
        @Test
        void catchesTheError(Connection connection) {
            CAUGHT.add(Sql.swallowedError(connection, "SELECT * FROM nowhere"));
        }
    }

    static class LenientFieldCase {
        @RegisterExtension
        static MockPgExtension pg = MockPgExtension.builder().script("classpath:shop.yaml").failOnUnmatched(false)
                .build();

        @Test
        void catchesTheError(Connection connection) {
            CAUGHT.add(Sql.swallowedError(connection, "SELECT * FROM nowhere"));
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class UnmatchedInBeforeAllCase {
        @BeforeAll
        static void setUp(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                CAUGHT.add(Sql.swallowedError(connection, "SELECT * FROM setup_table"));
            }
        }

        @Test
        void passes(Connection connection) throws SQLException {
            assertEquals("Alice", Sql.userName(connection));
        }
    }
}
