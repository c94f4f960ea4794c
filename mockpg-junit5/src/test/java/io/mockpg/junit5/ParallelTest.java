package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    static final Map<String, List<String>> RULES = new ConcurrentHashMap<>();
    static volatile CyclicBarrier barrier;

    @BeforeEach
    void clearRecords() {
        PORTS.clear();
        RULES.clear();
        barrier = new CyclicBarrier(3);
    }

    @Test
    void classesRunningInParallelEachHaveTheirOwnServer() {
        Map<String, String> configuration = new HashMap<>(CaseRunner.PARALLEL);
        configuration.put("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

        EngineExecutionResults results = CaseRunner.run(configuration, FirstCase.class, SecondCase.class,
                ThirdCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(3, Set.copyOf(PORTS.values()).size(), "ports: " + PORTS);
        RULES.values().forEach(rules -> assertEquals(List.of("user-by-id"), rules, "each journal holds its own"));
    }

    @Test
    void concurrentMethodsAreBlamedOnlyForTheirOwnUnmatchedStatements() {
        EngineExecutionResults results = CaseRunner.run(CaseRunner.PARALLEL, ConcurrentMethodsCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        List<String> failures = CaseRunner.failuresOf(results, "strays(Connection)");
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("SELECT * FROM stray_table"), failures.get(0));
        assertEquals(1, Set.copyOf(PORTS.values()).size(), "one shared server: " + PORTS);
    }

    @Test
    void methodScriptsAreRefusedWhileMethodsShareTheServerConcurrently() {
        EngineExecutionResults results = CaseRunner.run(CaseRunner.PARALLEL, ConcurrentMethodScriptCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String failure = CaseRunner.testFailures(results).get(0);
        assertTrue(failure.contains("cannot be used while the test methods share one server concurrently"), failure);
    }

    static void meetTheOthers() throws Exception {
        barrier.await(20, TimeUnit.SECONDS);
    }

    static void queryAndRecord(String name, MockPgServer server, Connection connection) throws Exception {
        meetTheOthers();
        PORTS.put(name, server.port());
        Sql.userName(connection);
        RULES.put(name, Sql.scriptRules(server.journal()));
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class FirstCase {
        @Test
        void query(MockPgServer server, Connection connection) throws Exception {
            queryAndRecord("first", server, connection);
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class SecondCase {
        @Test
        void query(MockPgServer server, Connection connection) throws Exception {
            queryAndRecord("second", server, connection);
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class ThirdCase {
        @Test
        void query(MockPgServer server, Connection connection) throws Exception {
            queryAndRecord("third", server, connection);
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentMethodsCase {
        @Test
        void first(MockPgServer server, Connection connection) throws Exception {
            meetTheOthers();
            PORTS.put("first", server.port());
            assertEquals("Alice", Sql.userName(connection));
        }

        @Test
        void second(MockPgServer server, Connection connection) throws Exception {
            meetTheOthers();
            PORTS.put("second", server.port());
            assertEquals("Alice", Sql.userName(connection));
        }

        @Test
        void strays(Connection connection) throws Exception {
            meetTheOthers();
            assertEquals("MP001", Sql.swallowedError(connection, "SELECT * FROM stray_table"));
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentMethodScriptCase {
        @Test
        @MockPgScript("classpath:extra.yaml")
        void withScript(Connection connection) throws SQLException {
            assertEquals("99", Sql.firstValue(connection, "SELECT count(*) FROM users"));
        }
    }
}
