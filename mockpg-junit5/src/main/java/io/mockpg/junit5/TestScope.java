package io.mockpg.junit5;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What one test added to the server and which server sessions it opened. */
final class TestScope {
    private final Set<Long> sessions = ConcurrentHashMap.newKeySet();
    private volatile List<String> methodRules = List.of();

    /** Backend process ids of the connections the test got from the injected DataSource or Connection. */
    Set<Long> sessions() {
        return sessions;
    }

    /** Names of the rules its {@link MockPgScript} scripts added. */
    List<String> methodRules() {
        return methodRules;
    }

    void methodRules(List<String> names) {
        this.methodRules = List.copyOf(names);
    }
}
