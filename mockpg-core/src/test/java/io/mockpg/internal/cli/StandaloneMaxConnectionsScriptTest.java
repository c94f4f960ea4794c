package io.mockpg.internal.cli;

import io.mockpg.internal.script.Script;
import io.mockpg.internal.script.yaml.ScriptException;
import io.mockpg.internal.script.yaml.ScriptLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The script key server.max_connections. */
class StandaloneMaxConnectionsScriptTest {
    @Test
    void isReadAsAPositiveInteger() {
        Script script = ScriptLoader.parse("limits.yaml", "server:\n  max_connections: 25\n");
        assertEquals(25, script.server().maxConnections());
        assertNull(ScriptLoader.parse("plain.yaml", "rules: []\n").server().maxConnections());
    }

    @Test
    void zeroNegativeAndTextAreErrorsWithTheirPosition() {
        assertEquals(List.of("limits.yaml:2:20: 'max_connections' must be at least 1, found 0"), problems("0"));
        assertEquals(List.of("limits.yaml:2:20: 'max_connections' must be a non-negative integer, found '-1'"),
                problems("-1"));
        assertEquals(List.of("limits.yaml:2:20: 'max_connections' must be a non-negative integer, found 'many'"),
                problems("many"));
    }

    @Test
    void aNearMissKeyGetsASuggestion() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> ScriptLoader.parse("limits.yaml", "server:\n  max_connection: 5\n"));
        assertEquals(1, e.problems().size());
        assertEquals(true, e.problems().get(0).contains("did you mean 'max_connections'"), e.problems().get(0));
    }

    private static List<String> problems(String value) {
        return assertThrows(ScriptException.class,
                () -> ScriptLoader.parse("limits.yaml", "server:\n  max_connections: " + value + "\n")).problems();
    }
}
