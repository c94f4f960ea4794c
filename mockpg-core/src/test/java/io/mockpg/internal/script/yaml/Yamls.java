package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Shared test shortcuts for loading YAML text. */
final class Yamls {
    static final String SOURCE = "t.yaml";

    private Yamls() {
    }

    /** The problems of an invalid script, as SOURCE:LINE:COLUMN: message. */
    static List<String> problems(String yaml) {
        return assertThrows(ScriptException.class, () -> ScriptLoader.parse(SOURCE, yaml)).problems();
    }
}
