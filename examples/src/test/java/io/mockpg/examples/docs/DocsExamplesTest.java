package io.mockpg.examples.docs;

import io.mockpg.internal.script.yaml.ScriptLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java and YAML example in README.md and docs/ runs. A Java example is the text of a
 * region of a test source ({@code <!-- source: PATH#REGION -->} before its fence, the region
 * between {@code // doc:start REGION} and {@code // doc:end REGION}); this test checks the docs'
 * text equals that region, and the build compiles and runs the source as a test. A YAML example
 * either equals a file the tests load ({@code <!-- source: PATH -->}) or is loaded here as a
 * script (a fragment such as a {@code match:} or {@code error:} is loaded inside a rule); a YAML
 * file that is not a mockpg script (a CI workflow) says so ({@code <!-- yaml: WHAT -->}) and
 * must parse.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern SOURCE = Pattern.compile("^<!-- source: ([^#\\s]+)(?:#(\\S+))? -->$");
    private static final Pattern OTHER_YAML = Pattern.compile("^<!-- yaml: .+ -->$");
    private static final List<String> RULE_KEYS = List.of("id", "match", "respond", "times", "scenario", "state",
            "next_state");

    record Example(Path doc, int line, String language, String marker, String text) {
        String where() {
            return ROOT.relativize(doc) + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<Example> examples = new ArrayList<>();
        examples.addAll(examples(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(examples(doc));
            }
        }
        assertTrue(examples.stream().filter(e -> e.language().equals("java")).count() >= 6, "the Java examples are found");
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.where() + " " + example.language(),
                () -> check(example)));
    }

    private static void check(Example example) throws IOException {
        Matcher source = example.marker() == null ? null : SOURCE.matcher(example.marker());
        if (example.language().equals("java")) {
            assertTrue(source != null && source.matches() && source.group(2) != null, example.where()
                    + ": a Java example is a region of a test source: put <!-- source: PATH#REGION --> before it");
            assertEquals(region(ROOT.resolve(source.group(1)), source.group(2)), example.text(),
                    example.where() + " differs from " + source.group(1) + "#" + source.group(2));
            return;
        }
        if (source != null && source.matches()) {
            assertEquals(Files.readString(ROOT.resolve(source.group(1))), example.text(),
                    example.where() + " differs from " + source.group(1));
            ScriptLoader.load(ROOT.resolve(source.group(1)));
            return;
        }
        if (example.marker() != null && OTHER_YAML.matcher(example.marker()).matches()) {
            assertNotNull(new Yaml(new SafeConstructor(new LoaderOptions())).load(example.text()), example.where());
            return;
        }
        ScriptLoader.parse(example.where(), asScript(example.text())); // throws with every problem
    }

    /** A fragment as a whole script: a rule entry, a rule's keys, or a response's keys. */
    static String asScript(String yaml) {
        String first = yaml.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).findFirst().orElse("");
        if (first.startsWith("- ")) {
            return "rules:\n" + yaml.indent(2);
        }
        String key = first.contains(":") ? first.substring(0, first.indexOf(':')) : "";
        if (RULE_KEYS.contains(key)) {
            return "rules:\n  -" + yaml.indent(4).substring(3);
        }
        if (!List.of("server", "unmatched", "builtins", "rules").contains(key) && !key.isEmpty()) {
            return "rules:\n  - respond:\n" + yaml.indent(6);
        }
        return yaml;
    }

    private static List<Example> examples(Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches() || fence.group(1).isEmpty()) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            String language = fence.group(1);
            if (language.equals("java") || language.equals("yaml")) {
                String marker = i > 0 && lines.get(i - 1).startsWith("<!--") ? lines.get(i - 1).trim() : null;
                examples.add(new Example(doc, i + 1, language, marker,
                        String.join("\n", lines.subList(i + 1, end)) + "\n"));
            }
            i = end;
        }
        return examples;
    }

    /** The lines between {@code // doc:start NAME} and {@code // doc:end NAME} (every such pair), dedented. */
    static String region(Path source, String name) throws IOException {
        return region(source, name, "//");
    }

    /** The same for a language whose comments start with {@code comment} ({@code #} in Python). */
    static String region(Path source, String name, String comment) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(source)) {
            String trimmed = line.trim();
            if (trimmed.equals(comment + " doc:start " + name)) {
                inside = true;
            } else if (trimmed.equals(comment + " doc:end " + name)) {
                inside = false;
            } else if (inside) {
                lines.add(line);
            }
        }
        assertFalse(lines.isEmpty(), source + " has no region " + name);
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString().replaceFirst("^\n+", "");
    }
}
