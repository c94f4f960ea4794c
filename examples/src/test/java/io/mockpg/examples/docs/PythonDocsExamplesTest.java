package io.mockpg.examples.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Python examples in docs/ are regions of the tests {@code examples/python-app/run.sh}
 * runs, as {@link DocsExamplesTest} checks the Java ones: {@code <!-- source: PATH#REGION -->}
 * before the fence, the region between {@code # doc:start REGION} and {@code # doc:end REGION}.
 */
class PythonDocsExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyPythonExampleIsARegionOfARunTest() throws IOException {
        int checked = 0;
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(doc);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).equals("```python")) {
                        continue;
                    }
                    String where = ROOT.relativize(doc) + ":" + (i + 1);
                    String marker = i > 0 ? lines.get(i - 1) : "";
                    assertTrue(marker.matches("<!-- source: \\S+#\\S+ -->"), where + ": put <!-- source: PATH#REGION --> before it");
                    String source = marker.substring("<!-- source: ".length(), marker.length() - " -->".length());
                    int end = lines.subList(i + 1, lines.size()).indexOf("```") + i + 1;
                    String text = String.join("\n", lines.subList(i + 1, end)) + "\n";
                    String[] parts = source.split("#");
                    assertEquals(DocsExamplesTest.region(ROOT.resolve(parts[0]), parts[1], "#"), text, where + " differs from " + source);
                    checked++;
                    i = end;
                }
            }
        }
        assertTrue(checked >= 1, "the Python examples are found");
    }
}
