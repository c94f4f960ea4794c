package io.mockpg.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subcommands of the command line: serve as the default, lint, and each one's --help. */
class SubcommandsTest {
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
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void serveIsTheDefaultSubcommand() {
        assertEquals(List.of("serve", "--script", "x.yaml"),
                List.of(Main.withDefaultSubcommand(new String[] {"--script", "x.yaml"}, Main.subcommandNames())));
        assertEquals(List.of("serve"), List.of(Main.withDefaultSubcommand(new String[0], Main.subcommandNames())));
        assertEquals(List.of("lint", "a.yaml"),
                List.of(Main.withDefaultSubcommand(new String[] {"lint", "a.yaml"}, Main.subcommandNames())));
        assertEquals(2, run("serve", "--bogus"));
        assertEquals("mockpg: unknown option '--bogus' (see --help)\n", err());
        assertEquals(0, run("--help"));
        String implicit = out();
        assertEquals(0, run("serve", "--help"));
        assertEquals(implicit, out());
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        assertEquals(0, run("--help"));
        for (String line : List.of("java -jar mockpg.jar record --upstream URL --out FILE", "java -jar mockpg.jar lint SCRIPT",
                "COMMANDS", "    record    ", "    lint      ")) {
            assertTrue(out().contains(line), line + " in\n" + out());
        }
    }

    @Test
    void recordHelpNamesEveryOption() {
        assertEquals(0, run("record", "--help"));
        for (String option : List.of("--upstream URL", "--out FILE", "-p, --port N", "--host ADDR", "--port-file FILE",
                "PGPASSWORD", "EXIT STATUS", "sslmode=disable|prefer|require", "-h, --help", "--version")) {
            assertTrue(out().contains(option), option + " in\n" + out());
        }
        assertEquals("", err());
    }

    @Test
    void recordWithoutUpstreamOrOutIsAUsageError() {
        assertEquals(2, run("record", "--out", "x.yaml"));
        assertEquals("mockpg: record needs --upstream URL and --out FILE (see record --help)\n", err());
    }

    @Test
    void lintPrintsNothingAndExitsZeroForGoodScripts() throws Exception {
        Path good = directory.resolve("good.yaml");
        Files.writeString(good, """
                rules:
                  - match: {sql: SELECT 1}
                    respond: {columns: [{n: int4}], rows: [[1]]}
                """);
        assertEquals(0, run("lint", good.toString()));
        assertEquals("", err());
        assertEquals("", out());
    }

    @Test
    void lintReportsEveryProblemOfEveryScriptAndExitsTwo() throws Exception {
        Path first = directory.resolve("first.yaml");
        Files.writeString(first, """
                rules:
                  - mach: {sql: SELECT 1}
                """);
        Path second = directory.resolve("second.yaml");
        Files.writeString(second, """
                rules:
                  - match: {sql: SELECT 1}
                    respond:
                      columns: [{n: int4}]
                      rows: [[one], [two]]
                """);
        Path missing = directory.resolve("missing.yaml");
        assertEquals(2, run("lint", first.toString(), second.toString(), missing.toString()));
        List<String> lines = err().lines().toList();
        assertEquals(4, lines.size(), err());
        assertTrue(lines.get(0).startsWith(first + ":2:5: "), lines.get(0));
        assertTrue(lines.get(1).startsWith(second + ":5:15: "), lines.get(1));
        assertTrue(lines.get(2).startsWith(second + ":5:22: "), lines.get(2));
        assertEquals(missing + ":1:1: file not found", lines.get(3));
        assertEquals("", out());
    }

    @Test
    void lintNeedsAScript() {
        assertEquals(2, run("lint"));
        assertEquals("mockpg: missing SCRIPT (see --help)\n", err());
    }

    @Test
    void helpRendersAnAddedOptionFromItsDeclarationAlone() {
        assertEquals(0, run("lint", "--help"));
        assertTrue(out().contains("\n    -h, --help          print this text and exit\n"), out());
        assertTrue(out().contains("\n        --version       print the version and exit\n"), out());
    }
}
