package io.mockpg.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line of README.md, "Standalone server", run in-process with captured output (everything that exits before serving). */
class StandaloneCliTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertEquals(0, run("--version"));
        assertEquals("mockpg 0.1.0-SNAPSHOT\n", out().replace("\r\n", "\n"));
    }

    @Test
    void helpReadsLikeAManPageAndNamesEveryOption() {
        assertEquals(0, run("--help"));
        String help = out();
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "ADMIN API", "ENVIRONMENT",
                "EXIT STATUS", "EXAMPLES")) {
            assertTrue(help.contains("\n" + section + "\n") || help.startsWith(section + "\n"), section + " in\n" + help);
        }
        for (String option : List.of("-s, --script FILE", "-p, --port N", "--host ADDR", "--port-file FILE", "--watch",
                "--admin-port N", "--drain-timeout D", "--version", "-h, --help", "MOCKPG_LOG_LEVEL",
                "/journal/unmatched", "/notify")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
        assertEquals("", err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("--bogus"));
        assertEquals("mockpg: unknown option '--bogus' (see --help)\n", err().replace("\r\n", "\n"));
    }

    @Test
    void missingValueAndBadNumbersAreUsageErrors() {
        assertEquals(2, run("--port"));
        assertTrue(err().contains("option '--port' needs a value"), err());
        err.reset();
        assertEquals(2, run("--port", "70000"));
        assertTrue(err().contains("'70000' is not a port number (0-65535)"), err());
        err.reset();
        assertEquals(2, run("--drain-timeout", "soon"));
        assertTrue(err().contains("'soon' is not a duration"), err());
        err.reset();
        assertEquals(2, run("--watch=yes"));
        assertTrue(err().contains("option '--watch' takes no value"), err());
    }

    @Test
    void everyOptionIsParsed() {
        ServeCommand options = serveOptions("-s", "a.yaml", "--script=b.yaml", "-p", "0",
                "--host", "0.0.0.0", "--port-file", "pf", "--watch", "--admin-port=8081", "--drain-timeout", "250ms");
        assertEquals(List.of(Path.of("a.yaml"), Path.of("b.yaml")), options.scripts);
        assertEquals(0, options.listen.port);
        assertEquals("0.0.0.0", options.listen.host);
        assertEquals(Path.of("pf"), options.listen.portFile);
        assertTrue(options.watch);
        assertEquals(8081, options.adminPort);
        assertEquals(Duration.ofMillis(250), options.drainTimeout);

        ServeCommand defaults = serveOptions();
        assertEquals(5432, defaults.listen.port);
        assertEquals("127.0.0.1", defaults.listen.host);
        assertEquals(Duration.ofSeconds(5), defaults.drainTimeout);
        assertEquals(null, defaults.adminPort);
        assertEquals(Duration.ofSeconds(90), new DurationOption().convert("1.5m"));
        assertEquals(Duration.ofMillis(1500), new DurationOption().convert("1.5s"));
        assertThrows(picocli.CommandLine.TypeConversionException.class, () -> new DurationOption().convert("5"));
    }

    @Test
    void theLastOfARepeatedSingleOptionWins() {
        assertEquals(7, serveOptions("--port", "6", "--port", "7").listen.port);
    }

    private static ServeCommand serveOptions(String... args) {
        picocli.CommandLine cli = Main.commandLine(new Console(System.out, System.err));
        picocli.CommandLine.ParseResult parsed = cli.parseArgs(Main.withDefaultSubcommand(args,
                cli.getSubcommands().keySet()));
        return (ServeCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void aBadScriptIsRefusedWithEveryProblemAsFileLineColumn() throws Exception {
        Path script = directory.resolve("bad.yaml");
        Files.writeString(script, """
                rules:
                  - id: one
                    mach: {sql: SELECT 1}
                  - id: two
                    respond:
                      columns: [{n: int4}]
                      rows: [[not-a-number]]
                """);
        assertEquals(2, run("--script", script.toString(), "--port", "0"));
        List<String> lines = err().lines().toList();
        assertEquals(2, lines.size(), err());
        assertTrue(lines.get(0).startsWith(script + ":3:5: "), lines.get(0));
        assertTrue(lines.get(0).contains("did you mean 'match'"), lines.get(0));
        assertTrue(lines.get(1).startsWith(script + ":7:15: "), lines.get(1));
        assertEquals("", out(), "nothing is listening, so nothing is announced");
    }

    @Test
    void aMissingScriptFileIsRefusedWithExitTwo() {
        Path missing = directory.resolve("missing.yaml");
        assertEquals(2, run("--script", missing.toString(), "--port", "0"));
        assertTrue(err().startsWith(missing.toString()), err());
    }

    @Test
    void aPortInUseNamesThePortAndSuggestsPortZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertEquals(1, run("--port", String.valueOf(port)));
            assertEquals("mockpg: cannot listen on 127.0.0.1:" + port
                    + ": the port is in use (use --port 0 for any free port)\n", err().replace("\r\n", "\n"));
        }
    }

    @Test
    void logLevelComesFromTheEnvironmentValue() {
        assertEquals("info", LogDefaults.level(null));
        assertEquals("debug", LogDefaults.level(" DEBUG "));
        assertEquals("warn", LogDefaults.level("warn"));
        assertEquals("info", LogDefaults.level("chatty"));
    }

    @Test
    void leakDetectionIsOffUnlessAskedFor() {
        Properties none = new Properties();
        NettyDefaults.apply(none);
        assertEquals("disabled", none.getProperty(NettyDefaults.LEAK_DETECTION));

        Properties asked = new Properties();
        asked.setProperty(NettyDefaults.LEAK_DETECTION, "paranoid");
        NettyDefaults.apply(asked);
        assertEquals("paranoid", asked.getProperty(NettyDefaults.LEAK_DETECTION));

        Properties legacy = new Properties();
        legacy.setProperty(NettyDefaults.LEAK_DETECTION_LEGACY, "advanced");
        NettyDefaults.apply(legacy);
        assertNull(legacy.getProperty(NettyDefaults.LEAK_DETECTION));
    }
}
