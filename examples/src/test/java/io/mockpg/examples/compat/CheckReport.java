package io.mockpg.examples.compat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks one client ran. Asserting (the JUnit tests against mockpg's script): the checks
 * passed or failed, as {@code CHECK <client> <check> PASS|FAIL <detail>} lines (the format of
 * every client of the suite), written to {@code target/compat/<client>.txt} where
 * {@code examples/compat/run.sh} adds them to its matrix. Observing (the differential suite,
 * {@link ObserveClient}): no expectation is asserted and each check prints what it observed,
 * {@code OBSERVE <client> <check> <value>}, one line per {@code "; "}-separated part of its detail.
 */
final class CheckReport {
    /** Where an exception that broke an observed conversation goes with its stack (stderr by default). */
    private static final System.Logger LOG = System.getLogger(CheckReport.class.getName());

    /** A check's body: returns the detail to show, throws {@link AssertionError} (or anything) to fail. */
    @FunctionalInterface
    interface Check {
        String run() throws Exception;
    }

    private final String client;
    private final PrintStream observer;
    private final List<String> lines = new ArrayList<>();
    private int broken;

    private CheckReport(String client, PrintStream observer) {
        this.client = client;
        this.observer = observer;
    }

    /** A report whose checks assert the compatibility script's expectations. */
    static CheckReport asserting(String client) {
        return new CheckReport(client, null);
    }

    /** A report that prints what each check observed to {@code out} and asserts nothing. */
    static CheckReport observing(String client, PrintStream out) {
        return new CheckReport(client, out);
    }

    boolean observing() {
        return observer != null;
    }

    /**
     * Runs a check; a failure is recorded and the conversation goes on. Returns whether it
     * passed; when observing, whether it ran to its end (an {@link AssertionError}, such as "no
     * error" where one was expected, is an observation: an exception broke the conversation).
     */
    boolean check(String name, Check body) {
        String detail;
        boolean passed = false;
        try {
            detail = body.run();
            passed = true;
        } catch (AssertionError e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (Exception e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (observing()) {
                broken++;
                LOG.log(System.Logger.Level.ERROR, "check " + name + " broke the conversation", e);
                observer.println(line("OBSERVE", name, detail));
                return false;
            }
        }
        if (observing()) {
            for (String value : String.valueOf(detail).split("; ")) {
                observer.println(line("OBSERVE", name, value));
            }
            observer.flush();
            return true;
        }
        lines.add(line("CHECK", name, (passed ? "PASS " : "FAIL ") + detail));
        return passed;
    }

    private String line(String kind, String check, String text) {
        return (kind + " " + client + " " + check + " " + text.replaceAll("\\s+", " ")).trim();
    }

    /** Asserting: fails the current check unless the condition holds. Observing: nothing. */
    void require(boolean condition, String detail) {
        if (!condition && !observing()) {
            throw new AssertionError(detail);
        }
    }

    /** The decoded values of one check, compared with the expected ones or, observing, all listed. */
    DecodedValues values() {
        return new DecodedValues(observing());
    }

    /** Asserting: writes the lines for the runner's matrix and fails the test if any check failed. */
    void finish() {
        try {
            Path dir = Path.of("target", "compat");
            Files.createDirectories(dir);
            Files.write(dir.resolve(client + ".txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> failed = lines.stream().filter(line -> line.contains(" FAIL")).toList();
        assertTrue(failed.isEmpty(), () -> failed.stream().collect(Collectors.joining("\n")));
        assertTrue(lines.size() >= 11, () -> "the conversation stopped early:\n" + String.join("\n", lines));
    }

    /** Observing: the process's exit status, 1 when an exception broke a check. */
    int exitStatus() {
        return broken == 0 ? 0 : 1;
    }
}
