package io.mockpg.internal.script.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The published JSON Schema accepts the bundled examples and rejects what the loader rejects. */
class ScriptSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        try (InputStream in = ScriptLoader.class.getResourceAsStream("/mockpg-script.schema.json")) {
            JsonNode schemaNode = JSON.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
        }
    }

    private static Set<ValidationMessage> validate(String yamlText) throws IOException {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        return schema().validate(JSON.valueToTree(document));
    }

    private static List<Path> bundledScripts() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("..", "examples", "scripts"));
             Stream<Path> testScripts = Files.list(Path.of("src", "test", "resources", "scripts"))) {
            return Stream.concat(examples, testScripts).filter(p -> p.toString().endsWith(".yaml")).toList();
        }
    }

    @Test
    void everyBundledExampleIsValid() throws IOException {
        List<Path> scripts = bundledScripts();
        assertFalse(scripts.isEmpty());
        for (Path script : scripts) {
            assertEquals(Set.of(), validate(Files.readString(script)), script.toString());
        }
    }

    @Test
    void schemaRejectsUnknownKeysAndBadValues() throws IOException {
        assertFalse(validate("rules:\n  - mathc: {sql: SELECT 1}\n").isEmpty());
        assertFalse(validate("unmatched: ignore\n").isEmpty());
        assertFalse(validate("rules:\n  - respond: {delay: soon}\n").isEmpty());
        assertFalse(validate("rules:\n  - respond: {error: {code: '42000', message: x}, rows: [[1]]}\n").isEmpty());
        assertFalse(validate("rules:\n  - state: Started\n").isEmpty());
        assertFalse(validate("rules:\n  - match: {sql: SELECT 1, regex: x}\n").isEmpty());
    }

    @Test
    void schemaDescribesEveryKey() throws IOException {
        try (InputStream in = ScriptLoader.class.getResourceAsStream("/mockpg-script.schema.json")) {
            JsonNode root = JSON.readTree(in);
            assertTrue(root.path("$defs").path("rule").path("properties").path("times").has("description"));
            for (String key : RuleReader.KEYS) {
                assertTrue(root.path("$defs").path("rule").path("properties").has(key), key);
            }
            for (String key : ResponseReader.KEYS) {
                assertTrue(root.path("$defs").path("response").path("properties").has(key), key);
            }
            for (String key : MatchReader.KEYS) {
                assertTrue(root.path("$defs").path("match").path("properties").has(key), key);
            }
            for (String key : ServerReader.KEYS) {
                assertTrue(root.path("$defs").path("server").path("properties").has(key), key);
            }
            for (String key : ScriptReader.KEYS) {
                assertTrue(root.path("properties").has(key), key);
            }
        }
    }
}
