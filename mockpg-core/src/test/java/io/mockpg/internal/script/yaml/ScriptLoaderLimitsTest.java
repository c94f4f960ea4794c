package io.mockpg.internal.script.yaml;

import static io.mockpg.internal.script.yaml.Yamls.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile or oversized documents end in a script error, quickly and without exhausting memory. */
class ScriptLoaderLimitsTest {

    /** Nine levels of nine aliases each: 81 aliases, a value of 9^8 elements once expanded. */
    private static String billionLaughs() {
        StringBuilder yaml = new StringBuilder("x:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        char previous = 'a';
        for (char level = 'b'; level <= 'i'; level++) {
            yaml.append("  ").append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = level;
        }
        return yaml.toString();
    }

    @Test
    void tooManyAliasesIsALimitErrorAtTheStart() {
        StringBuilder yaml = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i < 101; i++) {
            yaml.append(i == 0 ? "" : ", ").append("*a");
        }
        yaml.append("]\n");
        assertEquals(List.of("t.yaml:1:1: too many aliases: at most 100 aliases of lists and mappings are allowed"),
                problems(yaml.toString()));
    }

    @Test
    void billionLaughsInARowValueIsRefused() {
        String yaml = billionLaughs().replace("x:", "lol:")
                + "rules:\n  - respond:\n      columns: [{doc: jsonb}]\n      rows: [[*i]]\n";
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problems(yaml));
        // an alias has no place of its own in the node tree: the value is reported where its anchor stands
        assertEquals(List.of(
                "t.yaml:1:1: unknown key 'lol' in the script; expected one of: server, unmatched, builtins, rules",
                "t.yaml:10:6: value too large: more than 100000 elements once aliases are expanded"), problems);
    }

    @Test
    void aValueTooLargeWithoutAnyAliasIsRefusedToo() {
        // a document without an alias is checked as a tree: its values are counted, not mapped
        String yaml = "rules:\n  - respond:\n      columns: [{doc: jsonb}]\n      rows: [[["
                + "1, ".repeat(100_000) + "1]]]\n";
        assertEquals(List.of("t.yaml:4:15: value too large: more than 100000 elements once aliases are expanded"),
                problems(yaml));
    }

    @Test
    void anUnsupportedTagWithoutAnyAliasIsReported() {
        String yaml = "rules:\n  - respond:\n      columns: [{n: int4}]\n      rows: [[!custom 1]]\n";
        assertEquals(List.of("t.yaml:4:15: unsupported tag '!custom'"), problems(yaml));
    }

    @Test
    void aliasedRulesCannotMultiplyRowValuesWithoutBound() {
        // c has 10 x 9,000 elements (under the per-value limit); 50 rules x 10 rows of it are 45 million
        StringBuilder yaml = new StringBuilder("anchors:\n  a: &a [" + "x, ".repeat(899) + "x]\n");
        yaml.append("  b: &b [").append("*a, ".repeat(9)).append("*a]\n");
        yaml.append("  c: &c [").append("*b, ".repeat(9)).append("*b]\n");
        yaml.append("rules:\n  - respond: &r\n      columns: [{v: jsonb}]\n      rows: [");
        yaml.append("[*c], ".repeat(9)).append("[*c]]\n");
        yaml.append("  - respond: *r\n".repeat(49));
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> problems(yaml.toString()));
        assertEquals(List.of(
                "t.yaml:1:1: unknown key 'anchors' in the script; expected one of: server, unmatched, builtins, rules",
                "t.yaml:1:1: rows too large: more than 10000000 values in all once aliases are expanded"), problems);
    }

    @Test
    void deepNestingIsALimitError() {
        String yaml = "rules: " + "[".repeat(150) + "]".repeat(150) + "\n";
        assertEquals(List.of("t.yaml:1:1: nesting too deep: at most 100 levels are allowed"), problems(yaml));
    }

    @Test
    void recursiveAliasIsRefused() {
        String yaml = """
                rules:
                  - respond:
                      columns: [{doc: json}]
                      rows: [&r [*r]]
                """;
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> problems(yaml));
        assertEquals(List.of("t.yaml:4:14: recursive alias: a value cannot contain itself"), problems);
    }

    @Test
    void documentsOverTenMebibytesAreRefused() {
        String yaml = "rules:\n  - id: \"" + "x".repeat(11 * 1024 * 1024) + "\"\n";
        assertEquals(List.of("t.yaml:1:1: document too large: at most 10485760 characters are allowed"),
                problems(yaml));
    }
}
