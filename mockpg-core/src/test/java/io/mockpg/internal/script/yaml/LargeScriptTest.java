package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.internal.script.Rule;
import io.mockpg.internal.script.Script;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A script of thousands of rules (a recorded one): what it loads and every problem it reports
 * are what a small script gives.
 */
class LargeScriptTest {
    /** Rules enough for a document of over 256 K characters. */
    private static final int MANY = 3000;
    private static final int LINES_PER_RULE = 3;
    private static final Pattern LINE = Pattern.compile("^s\\.yaml:(\\d+):(.*)$");
    private static final Pattern AT_LINE = Pattern.compile("at line (\\d+)");

    private static String script(int rules, String tail) {
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int i = 0; i < rules; i++) {
            yaml.append("  - id: r").append(i).append('\n')
                    .append("    match: { sql: \"SELECT name, note FROM items WHERE id = $1 AND k = ").append(i)
                    .append("\", params: [").append(i).append("] }\n")
                    .append("    respond: { columns: [{ name: text }, { note: text }], rows: [[\"item ").append(i)
                    .append("\", \"a note long enough to make the document large\"]] }\n");
        }
        return yaml.append(tail).toString();
    }

    /** The problems of the script with many rules, their lines moved back to where the small script has them. */
    private static List<String> problemsAsSmall(String tail) {
        ScriptException large = assertThrows(ScriptException.class, () -> ScriptLoader.parse("s.yaml",
                script(MANY, tail)));
        int shift = (MANY - 2) * LINES_PER_RULE;
        return large.problems().stream().map(problem -> {
            Matcher m = LINE.matcher(problem);
            assertTrue(m.matches(), problem);
            // lines inside the message too ("while parsing a flow sequence at line N")
            Matcher inMessage = AT_LINE.matcher(m.group(2));
            StringBuilder message = new StringBuilder();
            while (inMessage.find()) {
                inMessage.appendReplacement(message, "at line " + small(Integer.parseInt(inMessage.group(1)), shift));
            }
            inMessage.appendTail(message);
            return "s.yaml:" + small(Integer.parseInt(m.group(1)), shift) + ":" + message;
        }).toList();
    }

    private static int small(int line, int shift) {
        return line > 1 + LINES_PER_RULE * 2 ? line - shift : line;
    }

    private static List<String> problemsOfSmall(String tail) {
        return assertThrows(ScriptException.class, () -> ScriptLoader.parse("s.yaml", script(2, tail))).problems();
    }

    @Test
    void everyRuleLoadsInOrder() {
        String yaml = script(MANY, "");
        assertTrue(yaml.length() > 256 * 1024, "large enough to be scanned on a second thread");
        Script script = ScriptLoader.parse("s.yaml", yaml);
        assertEquals(MANY, script.rules().size());
        for (int i = 0; i < MANY; i++) {
            Rule rule = script.rules().get(i);
            assertEquals("r" + i, rule.id());
            assertEquals(i + 1, rule.position());
            assertEquals(List.of(List.of("item " + i, "a note long enough to make the document large")),
                    rule.responses().get(0).rows());
        }
    }

    @Test
    void problemsAfterThousandsOfRulesReadAsInASmallScript() {
        String tail = "  - id: r0\n"
                + "    match: { sql: SELECT 1 }\n"
                + "    respond: { columns: [{ n: nosuchtype }], rows: [[1]] }\n"
                + "  - match: { sql: SELECT 2 }\n"
                + "    respond: { columns: [{ n: int4 }], rows: [[not-a-number]] }\n";
        List<String> expected = problemsOfSmall(tail);
        assertEquals(3, expected.size(), expected.toString());
        assertTrue(expected.get(0).startsWith("s.yaml:8:"), expected.toString());
        assertEquals(expected, problemsAsSmall(tail));
    }

    @Test
    void aYamlErrorAtTheEndReadsAsInASmallScript() {
        String tail = "  - id: [unclosed\n    match: { sql: SELECT 1 }\n";
        List<String> expected = problemsOfSmall(tail);
        assertEquals(1, expected.size(), expected.toString());
        assertEquals(expected, problemsAsSmall(tail));
    }

    @Test
    void aLimitHitInALargeScriptIsReportedAtTheStart() {
        StringBuilder deep = new StringBuilder("  - match: { sql: SELECT 1 }\n")
                .append("    respond: { columns: [{ j: json }], rows: [[");
        deep.append("[".repeat(150)).append("]".repeat(150)).append("]] }\n");
        assertEquals(List.of("s.yaml:1:1: nesting too deep: at most 100 levels are allowed"),
                problemsAsSmall(deep.toString()));
        assertEquals(problemsOfSmall(deep.toString()), problemsAsSmall(deep.toString()));
    }
}
