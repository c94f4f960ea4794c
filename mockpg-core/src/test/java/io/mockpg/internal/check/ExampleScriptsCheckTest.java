package io.mockpg.internal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.ScriptCheckReport;
import io.mockpg.internal.script.yaml.ScriptLoader;
import io.mockpg.testing.OwnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled example scripts are checked against the schemas in examples/scripts/schema, in
 * the real PostgreSQL: an example that drifts from its schema fails the build.
 */
class ExampleScriptsCheckTest {
    static final Path SCHEMAS = Path.of("..", "examples", "scripts", "schema");
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+)");

    /** A database of its own with the schema file's tables, made afresh; returns its URL. */
    static String database(String name, Path schema) throws IOException {
        String ddl = Files.readString(schema);
        List<String> tables = TABLE.matcher(ddl).results().map(m -> m.group(1)).toList();
        return OwnDatabase.prepare(name, "DROP TABLE IF EXISTS " + String.join(", ", tables) + " CASCADE;\n" + ddl);
    }

    static ScriptCheckReport check(String url, List<Path> scripts) {
        try (SchemaProbe probe = UpstreamProbes.open(url)) {
            return ScriptChecker.check(scripts.stream().map(p -> ScriptLoader.loadLocated(p.toString())).toList(),
                    probe);
        }
    }

    @Test
    void theShopExampleMatchesItsSchema() throws IOException {
        String url = database("checkdb_shop", SCHEMAS.resolve("shop.sql"));
        ScriptCheckReport report = check(url, List.of(Path.of("..", "examples", "scripts", "shop.yaml")));
        report.assertNoDrift();
        assertEquals(List.of("product-by-sku"), report.notChecked().stream().map(ScriptCheckReport.NotChecked::rule)
                .toList());
        assertTrue(report.checked() > 20, report.summary());
    }

    @Test
    void theExampleApplicationsTestScriptsMatchItsSchema() throws IOException {
        String url = database("checkdb_app", SCHEMAS.resolve("examples-app.sql"));
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("..", "examples", "src", "test", "resources"))) {
            scripts = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(7, scripts.size(), scripts::toString);
        ScriptCheckReport report = check(url, scripts);
        report.assertNoDrift();
        assertEquals(List.of(), report.notChecked());
    }
}
