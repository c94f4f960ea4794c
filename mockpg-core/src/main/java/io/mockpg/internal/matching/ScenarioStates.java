package io.mockpg.internal.matching;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current state of every scenario, global to the server (docs/script-reference.md): a move is visible
 * to every session at once. Scenarios never touched are in {@link #STARTED}. Thread-safe.
 */
public final class ScenarioStates {
    /** The state every scenario starts in. */
    public static final String STARTED = "Started";

    private final Map<String, String> states = new ConcurrentHashMap<>();

    public String state(String scenario) {
        return states.getOrDefault(scenario, STARTED);
    }

    /** Moves {@code scenario} from {@code expected} to {@code next}; false if it is no longer in {@code expected}. */
    public boolean move(String scenario, String expected, String next) {
        if (STARTED.equals(expected) && states.putIfAbsent(scenario, next) == null) {
            return true;
        }
        return states.replace(scenario, expected, next);
    }

    /** Sets a state unconditionally and returns the previous one. */
    public String set(String scenario, String state) {
        String previous = states.put(scenario, state);
        return previous == null ? STARTED : previous;
    }

    /** Every scenario back to {@link #STARTED}. */
    public void reset() {
        states.clear();
    }
}
