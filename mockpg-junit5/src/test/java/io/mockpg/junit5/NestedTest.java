package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class NestedTest {
    static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @BeforeEach
    void clearRecords() {
        PORTS.clear();
        SEEN.clear();
    }

    @Test
    void nestedClassWithoutItsOwnDeclarationReusesTheOuterServer() {
        EngineExecutionResults results = CaseRunner.run(OuterCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(PORTS.get("outer"), PORTS.get("reusing"));
        assertEquals("Alice", SEEN.get("reusing"));
    }

    @Test
    void nestedClassWithItsOwnMockPgGetsItsOwnServerAndScripts() {
        EngineExecutionResults results = CaseRunner.run(OuterCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertNotEquals(PORTS.get("outer"), PORTS.get("own"));
        assertEquals("inner, shop rule: MP001", SEEN.get("own"));
    }

    @Test
    void staticFieldServerIsReusedByNestedClasses() {
        EngineExecutionResults results = CaseRunner.run(FieldOuterCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(PORTS.get("field outer"), PORTS.get("field nested"));
    }

    @MockPg(scripts = "classpath:shop.yaml")
    static class OuterCase {
        @Test
        void outer(MockPgServer server) {
            PORTS.put("outer", server.port());
        }

        @Nested
        class Reusing {
            @Test
            void reusing(MockPgServer server, Connection connection) throws SQLException {
                PORTS.put("reusing", server.port());
                SEEN.put("reusing", Sql.userName(connection));
            }
        }

        @Nested
        @MockPg(scripts = "classpath:other.yaml", failOnUnmatched = false)
        class OwnServer {
            @Test
            void own(MockPgServer server, Connection connection) throws SQLException {
                PORTS.put("own", server.port());
                String inner = Sql.firstValue(connection, "SELECT name FROM nested_things");
                String shop = Sql.swallowedError(connection, "SELECT id, name FROM users WHERE id = 42");
                SEEN.put("own", inner + ", shop rule: " + shop);
            }
        }
    }

    static class FieldOuterCase {
        @RegisterExtension
        static MockPgExtension pg = MockPgExtension.builder().script("classpath:shop.yaml").build();

        @Test
        void outer(MockPgServer server) {
            PORTS.put("field outer", server.port());
        }

        @Nested
        class Inner {
            @Test
            void nested(MockPgServer server) {
                assertEquals(pg.server(), server);
                PORTS.put("field nested", server.port());
            }
        }
    }
}
