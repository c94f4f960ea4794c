package io.mockpg.examples.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code in docs/resilience.md is quoted from files that the build compiles and runs: each
 * java or python block names its file on its first line, and the rest of the block must
 * appear in that file, line for line.
 */
class DocSnippetsTest {

    @Test
    void resilienceDocQuotesCodeThatIsCompiledAndRun() throws IOException {
        Path root = repositoryRoot();
        List<Snippet> snippets = snippets(Files.readAllLines(root.resolve("docs/resilience.md")));
        assertEquals(5, snippets.size());
        for (Snippet snippet : snippets) {
            Path source = root.resolve(snippet.file());
            assertTrue(Files.isRegularFile(source), snippet.file());
            List<String> lines = Files.readAllLines(source);
            assertNotEquals(-1, Collections.indexOfSubList(lines, snippet.lines()),
                    "docs/resilience.md quotes " + snippet.file() + " but the file no longer has:\n"
                            + String.join("\n", snippet.lines()));
        }
    }

    record Snippet(String file, List<String> lines) {
    }

    private static List<Snippet> snippets(List<String> doc) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            String fence = doc.get(i);
            if (!fence.equals("```java") && !fence.equals("```python")) {
                continue;
            }
            String header = doc.get(i + 1).trim();
            assertTrue(header.startsWith("// ") || header.startsWith("# "), "no file named at line " + (i + 2));
            String file = header.substring(header.indexOf(' ') + 1);
            List<String> lines = new ArrayList<>();
            int j = i + 2;
            while (!doc.get(j).equals("```")) {
                lines.add(doc.get(j++));
            }
            assertFalse(lines.isEmpty(), file);
            snippets.add(new Snippet(file, lines));
            i = j;
        }
        return snippets;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/resilience.md"))) {
                return dir;
            }
        }
        throw new AssertionError("docs/resilience.md not found above " + Path.of("").toAbsolutePath());
    }
}
