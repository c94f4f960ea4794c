package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link YamlSubset} reads what it accepts exactly as SnakeYAML does (kind, tag, value and start
 * position of every node), accepts what the recorder writes, and declines the rest.
 */
class YamlSubsetTest {
    /**
     * Whether the subset accepted text; when it did, SnakeYAML must compose the same nodes
     * without a problem. The script loader's fuzz target checks this on every input.
     */
    static boolean composesAsSnakeYaml(String text) {
        Node subset = YamlSubset.compose(text);
        if (subset == null) {
            return false;
        }
        Problems problems = new Problems();
        YamlComposer.Document document = YamlComposer.composeAny(text, problems);
        assertEquals(List.of(), problems.sorted(), () -> "SnakeYAML refuses what the subset accepted:\n" + text);
        assertEquals(dump(document.root()), dump(subset), () -> "the subset reads differently:\n" + text);
        return true;
    }

    /** A node tree as text, one node a line: position, kind, tag and value. */
    static String dump(Node root) {
        StringBuilder out = new StringBuilder();
        dump(root, "", out);
        return out.toString();
    }

    private static void dump(Node node, String indent, StringBuilder out) {
        out.append(indent).append(node.getStartMark().getLine() + 1).append(':')
                .append(node.getStartMark().getColumn() + 1).append(' ').append(node.getTag().getValue());
        if (node instanceof ScalarNode scalar) {
            out.append(" \"").append(scalar.getValue().replace("\n", "\\n")).append("\"\n");
        } else if (node instanceof SequenceNode sequence) {
            out.append('\n');
            sequence.getValue().forEach(item -> dump(item, indent + "  ", out));
        } else {
            out.append('\n');
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                dump(tuple.getKeyNode(), indent + "  ? ", out);
                dump(tuple.getValueNode(), indent + "  : ", out);
            }
        }
    }

    @Test
    void everyScriptInTheRepositoryReadsAsWithSnakeYaml() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(root)) {
            scripts = files.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")
                    && !p.toString().contains("/node_modules/") && !p.toString().contains("/.git/")).toList();
        }
        assertTrue(scripts.size() > 20, "scripts found: " + scripts);
        int accepted = 0;
        for (Path script : scripts) {
            if (composesAsSnakeYaml(Files.readString(script))) {
                accepted++;
            }
        }
        // most hand-written scripts are inside the subset too
        assertTrue(accepted * 2 > scripts.size(), accepted + " of " + scripts.size());
    }

    @Test
    void aRecordedScriptIsInsideTheSubset() throws IOException {
        Path recorded = Path.of("../examples/src/test/resources/recorded/price-list.yaml");
        assertTrue(composesAsSnakeYaml(Files.readString(recorded)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rules:\n  - match: { sql: SELECT 1 }\n    respond: { columns: [{ n: int4 }], rows: [[1]] }\n",
        "# a comment\n\nserver:\n  version: \"15.8\" # trailing\nrules: []\n",
        "a:\n- 1\n- two\nb: { }\nc: []\n",
        "a:\n  - x: 1\n    y: [1, -2, 3.5, .inf, 0x1F, 1_000, ~, null, yes, Off, 2024-01-01]\n  - z\n",
        "a: 'it''s'\nb: \"tab\\there \\\\ \\\" \\x41 \\u00e9 \\U0001F600 \\N \\_ \\e\"\n",
        "k: SELECT a, b FROM t WHERE x = 'y' AND z <> 1 # not part of it\n",
        "k: a:b c#d\n\"quoted key\": 1\n'single': 2\nx  : 3\n",
        "k: [a b, \"c, d\", 'e', [f], {g: h}, -1]\nm: {a: [1, 2], \"b\": c d , e: 'f'}\n",
        "k:\n# between\n   # indented comment\n  v: 1\n",
        "emoji: \"\uD83D\uDE00\"\n\uD83D\uDE00key: [\uD83D\uDE00, x]\n",
        "k:\nj: <<\n",
        "a: 1\nb:\n",
        "- a list at the root\n- [1]\n",
    })
    void acceptedTextReadsAsWithSnakeYaml(String text) {
        assertTrue(composesAsSnakeYaml(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "# only a comment\n", "just a scalar\n", "  a: indented root\n",
        "a: &anchor 1\nb: *anchor\n", "a: !!str 1\n", "a: |\n  block\n", "a: >\n  folded\n",
        "a: multi\n  line\n", "a: \"multi\n  line\"\n", "a: [1,\n  2]\n", "a:\tb\n", "a: b\r\n",
        "---\na: 1\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n...\n", "a: b: c\n", "a: [1, 2, ]\n",
        "a: [b: c]\n", "a:\n-\n", "a:\n  - - 1\n", "? a\n: b\n", "a: \"\\q\"\n", "a: \"\\x4\"\n",
        "a: \"\\U00110000\"\n", "a: 1\n b: 2\n", "a: {b:c}\n", "a: [x #y]\n", "a: [1]#c\n", "\uFEFFa: 1\n",
        "a: \u0085\n", "a: \uD800\n", "a: ?b\n", "a: - b\n", "a:\n  - 1\n b: 2\n",
    })
    void textOutsideTheSubsetDeclines(String text) {
        assertFalse(composesAsSnakeYaml(text), text);
    }

    /** Fuzzing finding: SnakeYAML refuses a key over 1,024 characters, in a flow mapping too, which the subset accepted. */
    @Test
    void aKeyTooLongForSnakeYamlDeclines() {
        String longKey = "k".repeat(1100);
        assertFalse(composesAsSnakeYaml("a: {" + longKey + ": 1}\n"));
        assertFalse(composesAsSnakeYaml("a: {\"" + longKey + "\": 1}\n"));
        assertFalse(composesAsSnakeYaml(longKey + ": 1\n"));
        assertTrue(composesAsSnakeYaml("a: {" + "k".repeat(900) + ": 1}\n"));
    }

    @Test
    void aPlainScalarsTagIsTheResolversTag() {
        Resolver resolver = new Resolver();
        List<String> values = new ArrayList<>(List.of("", "0", "00", "07", "089", "1", "12", "123456789012345678",
                "1234567890123456789", "1_000", "0x1F", "1:20", "-1", "+1", "1.5", ".5", ".inf", "2024-01-01",
                "2024-01-01 10:00:00", "yes", "Off", "y", "n", "null", "Null", "~", "<<", "<", "text", "\u00e9", "true",
                "false", "True", "nulls", "0.00", "37.01", "00.5", "1.", "1.2.3", "1.5e3", "12:30", "-0.5", "0x",
                "1".repeat(1024), "1".repeat(1025), "1.".repeat(512) + "5", "1".repeat(1000) + ".25",
                "\uD83D\uDE00"));
        for (char c = 0x21; c < 0x7f; c++) {
            values.add(String.valueOf(c));
            values.add(c + "x");
            values.add(c + "1");
        }
        for (String value : values) {
            assertEquals(resolver.resolve(NodeId.scalar, value, true), PlainTags.of(value), value);
        }
    }

    @Test
    void aScriptInsideTheSubsetReportsItsProblemsAtTheirPlaces() {
        String script = "rules:\n  - match: { sql: x }\n    respond:\n      error:\n        code:   # none\n"
                + "      rowz: [[1]]\n";
        assertTrue(composesAsSnakeYaml(script));
        ScriptException e = assertThrows(ScriptException.class, () -> ScriptLoader.parse("s.yaml", script));
        assertEquals(List.of("s.yaml:5:9: error requires 'code'", "s.yaml:5:9: error requires 'message'",
                "s.yaml:6:7: unknown key 'rowz' in respond; did you mean 'rows'?"), e.problems());
    }
}
