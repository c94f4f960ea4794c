package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LifecycleTest {
    static final List<Integer> PORTS = new CopyOnWriteArrayList<>();
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearRecords() {
        PORTS.clear();
        SEEN.clear();
    }

    @Test
    void annotatedClassGetsOneServerForAllItsTests() {
        EngineExecutionResults results = CaseRunner.run(AnnotatedCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(3, PORTS.size());
        assertEquals(1, Set.copyOf(PORTS).size(), "ports seen: " + PORTS);
    }

    @Test
    void classScriptsAnswerThroughTheInjectedConnection() {
        EngineExecutionResults results = CaseRunner.run(AnnotatedCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(3));
        assertEquals(List.of("Alice"), SEEN);
    }

    @Test
    void serverIsClosedAfterItsClass() {
        CaseRunner.run(AnnotatedCase.class);

        int port = PORTS.get(0);
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void staticFieldGetsOneServerForAllTests() {
        EngineExecutionResults results = CaseRunner.run(StaticFieldCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(1, Set.copyOf(PORTS).size(), "ports seen: " + PORTS);
        assertEquals(List.of("Alice", "Alice"), SEEN);
    }

    @Test
    void instanceFieldGetsAServerPerTest() {
        EngineExecutionResults results = CaseRunner.run(InstanceFieldCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(3, Set.copyOf(PORTS).size(), "ports seen: " + PORTS);
    }

    @Test
    void systemPropertiesNameTheRunningServerAndAreRestoredAfterwards() {
        EngineExecutionResults results = CaseRunner.run(SystemPropertiesCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(3, SEEN.size());
        assertEquals("jdbc:postgresql://127.0.0.1:" + PORTS.get(0) + "/mockpg", SEEN.get(0));
        assertEquals(Integer.toString(PORTS.get(0)), SEEN.get(1));
        assertEquals("127.0.0.1", SEEN.get(2));
        assertNull(System.getProperty("mockpg.jdbc-url"));
        assertNull(System.getProperty("mockpg.port"));
        assertNull(System.getProperty("mockpg.host"));
    }

    @Test
    void builderTakesInlineYamlAndLaterScriptsTakePrecedence() {
        EngineExecutionResults results = CaseRunner.run(InlineYamlCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(List.of("Alice", "7"), SEEN);
    }

    @Test
    void serverOfAnUnregisteredExtensionIsAnActionableError() {
        MockPgExtension extension = MockPgExtension.builder().build();

        IllegalStateException error = assertThrows(IllegalStateException.class, extension::server);
        assertEquals("mockpg: the server is not running yet; it starts before the first test (static field) "
                + "or before each test (instance field)", error.getMessage());
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class AnnotatedCase {
        @Test
        void first(MockPgServer server) {
            PORTS.add(server.port());
        }

        @Test
        void second(MockPgServer server) {
            PORTS.add(server.port());
        }

        @Test
        void queries(MockPgServer server, Connection connection) throws SQLException {
            PORTS.add(server.port());
            SEEN.add(Sql.userName(connection));
        }
    }

    static class StaticFieldCase {
        @RegisterExtension
        static MockPgExtension pg = MockPgExtension.builder().script("classpath:shop.yaml").build();

        @Test
        void first(MockPgServer server) throws SQLException {
            assertEquals(server.jdbcUrl(), pg.jdbcUrl());
            record(server);
        }

        @Test
        void second() throws SQLException {
            record(pg.server());
        }

        private static void record(MockPgServer server) throws SQLException {
            PORTS.add(server.port());
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "app", "")) {
                SEEN.add(Sql.userName(connection));
            }
        }
    }

    static class InlineYamlCase {
        @RegisterExtension
        static MockPgExtension pg = MockPgExtension.builder()
                .script("classpath:shop.yaml")
                .scriptYaml("""
                        rules:
                          - id: count-users-inline
                            match:
                              sql: SELECT count(*) FROM users
                            respond:
                              columns:
                                - count: int8
                              rows:
                                - [7]
                        """)
                .build();

        @Test
        void answersFromBoth(Connection connection) throws SQLException {
            SEEN.add(Sql.userName(connection));
            SEEN.add(Sql.firstValue(connection, "SELECT count(*) FROM users"));
        }
    }

    static class InstanceFieldCase {
        @RegisterExtension
        MockPgExtension pg = MockPgExtension.builder().script("classpath:shop.yaml").build();

        @Test
        void first() {
            PORTS.add(pg.server().port());
        }

        @Test
        void second(MockPgServer server) {
            assertEquals(pg.server(), server);
            PORTS.add(server.port());
        }

        @Test
        void third() {
            PORTS.add(pg.server().port());
        }
    }

    @MockPg
    static class SystemPropertiesCase {
        @Test
        void publishesTheServer(MockPgServer server) {
            PORTS.add(server.port());
            SEEN.add(System.getProperty("mockpg.jdbc-url"));
            SEEN.add(System.getProperty("mockpg.port"));
            SEEN.add(System.getProperty("mockpg.host"));
        }
    }
}
