package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InjectionTest {
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final List<Connection> CONNECTIONS = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clearRecords() {
        SEEN.clear();
        CONNECTIONS.clear();
    }

    @Test
    void testMethodsGetServerDataSourceAndConnection() {
        EngineExecutionResults results = CaseRunner.run(TestMethodCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(List.of("server:ok", "dataSource:Alice", "connection:Alice"), SEEN);
    }

    @Test
    void injectedConnectionIsClosedAfterTheTest() throws SQLException {
        CaseRunner.run(TestMethodCase.class);

        assertEquals(1, CONNECTIONS.size());
        assertTrue(CONNECTIONS.get(0).isClosed());
    }

    @Test
    void constructorsAndLifecycleMethodsGetParametersToo() {
        EngineExecutionResults results = CaseRunner.run(LifecycleMethodCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(List.of("beforeAll:Alice", "constructor:ok", "beforeEach:Alice", "test:Alice", "afterEach:Alice"),
                SEEN);
    }

    @Test
    void perClassInstanceGetsTheServerInItsConstructorBeforeAnyCallback() {
        EngineExecutionResults results = CaseRunner.run(PerClassCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertEquals(List.of("same server"), SEEN);
    }

    @Test
    void missingDriverNamesTheMavenCoordinates() {
        ParameterResolutionException error = assertThrows(ParameterResolutionException.class,
                () -> JdbcResources.requireClass("org.example.NoSuchDataSource"));

        assertEquals("mockpg: injecting a DataSource or Connection needs the PostgreSQL JDBC driver "
                + "(org.example.NoSuchDataSource not found): add the dependency org.postgresql:postgresql "
                + "to the test classpath", error.getMessage());
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class TestMethodCase {
        @Test
        void allThree(MockPgServer server, DataSource dataSource, Connection connection) throws SQLException {
            SEEN.add(server.jdbcUrl().equals("jdbc:postgresql://127.0.0.1:" + server.port() + "/mockpg")
                    ? "server:ok" : "server:" + server.jdbcUrl());
            try (Connection fromDataSource = dataSource.getConnection()) {
                SEEN.add("dataSource:" + Sql.userName(fromDataSource));
            }
            SEEN.add("connection:" + Sql.userName(connection));
            CONNECTIONS.add(connection);
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassCase {
        private final MockPgServer fromConstructor;

        PerClassCase(MockPgServer server) {
            this.fromConstructor = server;
        }

        @Test
        void test(MockPgServer server) {
            SEEN.add(server == fromConstructor ? "same server" : "different servers");
        }
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class LifecycleMethodCase {
        @BeforeAll
        static void beforeAll(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                SEEN.add("beforeAll:" + Sql.userName(connection));
            }
        }

        LifecycleMethodCase(MockPgServer server) {
            SEEN.add(server.port() > 0 ? "constructor:ok" : "constructor:no port");
        }

        @BeforeEach
        void beforeEach(Connection connection) throws SQLException {
            SEEN.add("beforeEach:" + Sql.userName(connection));
        }

        @Test
        void test(Connection connection) throws SQLException {
            SEEN.add("test:" + Sql.userName(connection));
        }

        @AfterEach
        void afterEach(Connection connection) throws SQLException {
            SEEN.add("afterEach:" + Sql.userName(connection));
        }
    }
}
