package io.mockpg.junit5;

import java.util.Arrays;
import java.util.List;

/**
 * What a server is started with and how tests using it are checked.
 *
 * @param scripts           the class-level scripts, later ones taking precedence
 * @param failOnUnmatched   fail a test during which a statement matched no rule
 * @param failOnUnusedRules fail when a rule never answered
 * @param failOnOpenTransaction fail a test after which a session is inside a transaction block
 */
record ServerSettings(List<ScriptSpec> scripts, boolean failOnUnmatched, boolean failOnUnusedRules,
                      boolean failOnOpenTransaction) {
    ServerSettings {
        scripts = List.copyOf(scripts);
    }

    static ServerSettings of(MockPg annotation) {
        return new ServerSettings(Arrays.stream(annotation.scripts()).map(ScriptSpec::location).toList(),
                annotation.failOnUnmatched(), annotation.failOnUnusedRules(),
                annotation.failOnOpenTransaction());
    }
}
