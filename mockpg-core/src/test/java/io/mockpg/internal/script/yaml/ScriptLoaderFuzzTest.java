package io.mockpg.internal.script.yaml;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (docs/robustness.md) of the script loader: any text either loads or
 * is refused with a {@link ScriptException} whose every problem reads
 * {@code FILE:LINE:COLUMN: message}; nothing else may be thrown. And whatever text the fast
 * reader of the plain subset of YAML accepts ({@link YamlSubset}) reads as SnakeYAML reads it. In a plain build it replays its
 * seed inputs, from {@code src/test/resources/io/mockpg/internal/script/yaml/ScriptLoaderFuzzTestInputs/}.
 */
class ScriptLoaderFuzzTest {
    private static final Pattern PROBLEM = Pattern.compile("fuzz\\.yaml:\\d+:\\d+: .+", Pattern.DOTALL);

    @FuzzTest(maxDuration = "10m")
    void anyScriptText(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        YamlSubsetTest.composesAsSnakeYaml(yaml);
        try {
            ScriptLoader.parse("fuzz.yaml", yaml);
        } catch (ScriptException e) {
            assertFalse(e.problems().isEmpty(), "a refused script names its problems");
            for (String problem : e.problems()) {
                assertTrue(PROBLEM.matcher(problem).matches(), problem);
            }
        }
    }

    /** Fuzzing finding: a {@code !!binary} row value that is not Base64 threw IllegalArgumentException. */
    @Test
    void aBinaryValueThatIsNotBase64IsAProblemAtItsPosition() {
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLoader.parse("fuzz.yaml", """
                rules:
                  - respond:
                      columns: [ { b: bytea } ]
                      rows: [ [ !!binary bW9ja@3Bn ] ]
                """));
        assertEquals(List.of("fuzz.yaml:4:17: invalid binary value: Length of Base64 encoded input string is not a"
                + " multiple of 4."), e.problems());
    }

    /** Fuzzing finding: a tag SnakeYAML refuses (!%a) threw IllegalArgumentException from its composer. */
    @Test
    void aTagSnakeYamlRefusesIsAProblemAtItsPosition() {
        // the tag ends the text: its %-escape is cut short
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLoader.parse("fuzz.yaml", "rules: !%a"));
        assertEquals(List.of("fuzz.yaml:1:8: invalid YAML: Tag must not contain leading or trailing spaces."),
                e.problems());
    }

    /**
     * Fuzzing finding: SnakeYAML's reader threw IndexOutOfBoundsException when a surrogate pair
     * (an emoji) straddled the end of its 1,024-character window.
     */
    @Test
    void anEmojiAtTheEndOfTheReadersWindowLoads() {
        for (int at = 1020; at < 1028; at++) {
            String yaml = "# " + "x".repeat(at - 2) + "\uD83D\uDE00\nrules:\n  - id: \"\uD83D\uDE00\"\n";
            assertEquals("\uD83D\uDE00", ScriptLoader.parse("fuzz.yaml", yaml).rules().get(0).id(), "at " + at);
        }
    }
}
