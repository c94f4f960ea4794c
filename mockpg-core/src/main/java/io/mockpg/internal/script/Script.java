package io.mockpg.internal.script;

import java.util.List;

/**
 * A loaded script (docs/script-reference.md): plain values, independent of YAML and of the network, so that
 * scripts can also be built in code.
 *
 * @param source    where it came from, as the user named it (path, "classpath:x.yaml", "admin", ...)
 * @param server    server settings, or {@link ServerConfig#DEFAULTS}
 * @param unmatched what an unmatched statement gets
 * @param builtins  whether built-in answers (docs/script-reference.md, "Top level") are on
 * @param rules     in file order
 */
public record Script(String source, ServerConfig server, UnmatchedMode unmatched, boolean builtins, List<Rule> rules) {
    public Script {
        rules = List.copyOf(rules);
    }

    public static Script ofRules(String source, List<Rule> rules) {
        return new Script(source, ServerConfig.DEFAULTS, UnmatchedMode.ERROR, true, rules);
    }
}
