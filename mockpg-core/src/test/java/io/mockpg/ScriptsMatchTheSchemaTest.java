package io.mockpg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mockpg.testing.OwnDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JUnit example of docs/checking.md, as written there, run against the shop example's
 * schema (examples/scripts/schema/shop.sql) in the real PostgreSQL. Only {@link #migrate()}
 * is not in the document: it stands for the project's migrations.
 */
class ScriptsMatchTheSchemaTest {
    // the migrated throwaway database, e.g. from an environment variable the CI job sets
    static String databaseUrl = System.getenv().getOrDefault("SCHEMA_DATABASE_URL",
            "postgresql://app:app-secret@127.0.0.1:54329/checkdb_shop");

    @BeforeAll
    static void migrate() throws IOException {
        String ddl = Files.readString(Path.of("..", "examples", "scripts", "schema", "shop.sql"));
        String tables = String.join(", ", ddl.lines().filter(line -> line.startsWith("CREATE TABLE "))
                .map(line -> line.split(" ")[2]).toList());
        databaseUrl = OwnDatabase.prepare("checkdb_shop", "DROP TABLE IF EXISTS " + tables + " CASCADE;\n" + ddl);
    }

    @Test
    void theScriptsMatchTheMigratedSchema() {
        ScriptCheckReport report = ScriptCheck.against(databaseUrl)
                .script("classpath:scripts/shop.yaml")
                .run();
        report.assertNoDrift();                         // AssertionError listing each drift
        assertEquals(1, report.notChecked().size());    // the shop's one regex rule
    }
}
