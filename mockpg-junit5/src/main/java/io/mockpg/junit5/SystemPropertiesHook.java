package io.mockpg.junit5;

import io.mockpg.MockPgServer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes a running server as the system properties {@code mockpg.jdbc-url},
 * {@code mockpg.port} and {@code mockpg.host}, so that frameworks reading a JDBC URL from
 * configuration can be pointed at it.
 *
 * <p>System properties are global, so the published values are those of the server started
 * last among those still running (an outer class's again once a nested class's server
 * closes); when the last one closes, the values from before the first are restored.
 */
final class SystemPropertiesHook implements AutoCloseable {
    static final String JDBC_URL = "mockpg.jdbc-url";
    static final String PORT = "mockpg.port";
    static final String HOST = "mockpg.host";

    private static final List<SystemPropertiesHook> RUNNING = new ArrayList<>();
    private static final Map<String, String> BEFORE_FIRST = new LinkedHashMap<>();

    private final Map<String, String> values;

    private SystemPropertiesHook(Map<String, String> values) {
        this.values = values;
    }

    static SystemPropertiesHook publish(MockPgServer server) {
        return publish(server.jdbcUrl(), server.port(), server.host());
    }

    static SystemPropertiesHook publish(String jdbcUrl, int port, String host) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(JDBC_URL, jdbcUrl);
        values.put(PORT, Integer.toString(port));
        values.put(HOST, host);
        SystemPropertiesHook hook = new SystemPropertiesHook(values);
        synchronized (RUNNING) {
            if (RUNNING.isEmpty()) {
                BEFORE_FIRST.clear();
                values.keySet().forEach(key -> BEFORE_FIRST.put(key, System.getProperty(key)));
            }
            RUNNING.add(hook);
            apply(values);
        }
        return hook;
    }

    @Override
    public void close() {
        synchronized (RUNNING) {
            if (!RUNNING.remove(this)) {
                return;
            }
            apply(RUNNING.isEmpty() ? BEFORE_FIRST : RUNNING.get(RUNNING.size() - 1).values);
        }
    }

    private static void apply(Map<String, String> values) {
        values.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
