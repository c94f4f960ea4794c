package io.mockpg.junit5;

import io.mockpg.MockPgServer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes a running server as the system properties {@code mockpg.jdbc-url},
 * {@code mockpg.port} and {@code mockpg.host}, so that frameworks reading a JDBC URL from
 * configuration can be pointed at it, and restores the previous values afterwards.
 *
 * <p>System properties are global: with test classes running in parallel they name the server
 * started last. A value is only restored if nothing changed it since.
 */
final class SystemPropertiesHook implements AutoCloseable {
    static final String JDBC_URL = "mockpg.jdbc-url";
    static final String PORT = "mockpg.port";
    static final String HOST = "mockpg.host";

    private final Map<String, String> published;
    private final Map<String, String> previous = new LinkedHashMap<>();

    private SystemPropertiesHook(Map<String, String> published) {
        this.published = published;
    }

    static SystemPropertiesHook publish(MockPgServer server) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(JDBC_URL, server.jdbcUrl());
        values.put(PORT, Integer.toString(server.port()));
        values.put(HOST, server.host());
        SystemPropertiesHook hook = new SystemPropertiesHook(values);
        synchronized (SystemPropertiesHook.class) {
            values.forEach((key, value) -> hook.previous.put(key, System.setProperty(key, value)));
        }
        return hook;
    }

    @Override
    public void close() {
        synchronized (SystemPropertiesHook.class) {
            published.forEach((key, value) -> {
                if (Objects.equals(System.getProperty(key), value)) {
                    restore(key, previous.get(key));
                }
            });
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
