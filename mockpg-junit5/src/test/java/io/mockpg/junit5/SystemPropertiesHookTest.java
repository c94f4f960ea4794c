package io.mockpg.junit5;

import io.mockpg.MockPgServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SystemPropertiesHookTest {

    @Test
    void publishesTheLatestRunningServerAndRestoresTheOriginalValuesAtTheEnd() {
        try (MockPgServer outer = MockPgServer.builder().start(); MockPgServer inner = MockPgServer.builder().start()) {
            SystemPropertiesHook outerHook = SystemPropertiesHook.publish(outer);
            SystemPropertiesHook innerHook = SystemPropertiesHook.publish(inner);
            assertEquals(Integer.toString(inner.port()), System.getProperty("mockpg.port"));

            innerHook.close();
            assertEquals(outer.jdbcUrl(), System.getProperty("mockpg.jdbc-url"));

            outerHook.close();
            assertNull(System.getProperty("mockpg.jdbc-url"));
            assertNull(System.getProperty("mockpg.port"));
            assertNull(System.getProperty("mockpg.host"));
        }
    }

    @Test
    void serversClosingOutOfOrderLeaveTheOneStillRunningPublished() {
        try (MockPgServer first = MockPgServer.builder().start(); MockPgServer second = MockPgServer.builder().start()) {
            SystemPropertiesHook firstHook = SystemPropertiesHook.publish(first);
            SystemPropertiesHook secondHook = SystemPropertiesHook.publish(second);

            firstHook.close();
            assertEquals(second.jdbcUrl(), System.getProperty("mockpg.jdbc-url"));

            secondHook.close();
            assertNull(System.getProperty("mockpg.jdbc-url"));
        }
    }
}
