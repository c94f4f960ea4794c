package io.mockpg.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mockpg.testing.OwnDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar mockpg.jar check}: its command line, help and exit statuses, against the real PostgreSQL. */
class CheckCommandTest {
    static final String DDL = """
            DROP TABLE IF EXISTS cli_items;
            CREATE TABLE cli_items (id int4 PRIMARY KEY, label varchar(40) NOT NULL);
            """;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String script(String name, String label) throws IOException {
        return Files.writeString(directory.resolve(name), """
                rules:
                  - id: item
                    match:
                      sql: SELECT id, label FROM cli_items WHERE id = $1
                    respond:
                      columns:
                        - id: int4
                        - label: %s
                """.formatted(label)).toString();
    }

    @Test
    void exitsZeroWhenNothingDriftedAndOneWhenSomethingDid() throws IOException {
        String url = OwnDatabase.prepare("checkdb", DDL);
        assertEquals(0, run("check", "--against", url, script("good.yaml", "varchar")));
        assertEquals("1 rules checked, 0 drifted, 0 not checked\n", out());
        String drifted = script("drifted.yaml", "text");
        assertEquals(1, run("check", "--against", url, drifted));
        assertEquals(drifted + ":8:11: rule item: column 'label' is varchar in the database, not text\n"
                + "1 rules checked, 1 drifted, 0 not checked\n", out());
        assertEquals(1, run("check", "--json", "--against", url, drifted));
        assertTrue(out().startsWith("{\"checked\":1,\"drifted\":1,\"notChecked\":0,"), out());
    }

    @Test
    void badArgumentsExitTwo() throws IOException {
        String good = script("good.yaml", "varchar");
        assertEquals(2, run("check", good));
        assertEquals("mockpg: check needs --against URL (see check --help)\n", err());
        assertEquals(2, run("check", "--against", "mysql://root@localhost/x", good));
        assertEquals("mockpg check: upstream URL must start with postgresql://: mysql://root@localhost/x\n", err());
        assertEquals(2, run("check", "--against", "postgresql://app@127.0.0.1/checkdb"));
        assertEquals("", out());
    }

    @Test
    void helpIsAManPage() {
        assertEquals(0, run("check", "--help"));
        for (String text : List.of("mockpg check - check scripts against a real database's schema",
                "--against URL", "--json", "PGPASSWORD", "EXIT STATUS", "-h, --help")) {
            assertTrue(out().contains(text), text + " in\n" + out());
        }
        assertEquals(0, run("--help"));
        assertTrue(out().contains("java -jar mockpg.jar check --against URL [--json] SCRIPT..."), out());
        assertTrue(out().contains("    check     check scripts against a real database's schema"), out());
    }
}
