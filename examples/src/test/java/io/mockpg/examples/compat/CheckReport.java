package io.mockpg.examples.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks one client passed or failed, as {@code CHECK <client> <check> PASS|FAIL <detail>}
 * lines (the format of every client of the suite), written to {@code target/compat/<client>.txt}
 * where {@code examples/compat/run.sh} adds them to its matrix.
 */
final class CheckReport {
    /** A check's body: returns the detail to show, throws {@link AssertionError} (or anything) to fail. */
    @FunctionalInterface
    interface Check {
        String run() throws Exception;
    }

    private final String client;
    private final List<String> lines = new ArrayList<>();

    CheckReport(String client) {
        this.client = client;
    }

    /** Runs a check; a failure is recorded and the conversation goes on. Returns whether it passed. */
    boolean check(String name, Check body) {
        String status;
        String detail;
        try {
            detail = body.run();
            status = "PASS";
        } catch (Exception | AssertionError e) {
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            status = "FAIL";
        }
        lines.add(("CHECK " + client + " " + name + " " + status + " "
                + String.valueOf(detail).replaceAll("\\s+", " ")).trim());
        return status.equals("PASS");
    }

    /** Writes the lines for the runner's matrix and fails the test if any check failed. */
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

    /** Fails the current check unless the condition holds. */
    static void require(boolean condition, String detail) {
        if (!condition) {
            throw new AssertionError(detail);
        }
    }

    /** Adds {@code column=actual (Type) want expected} to {@code wrong} unless the values are equal. */
    static void expect(List<String> wrong, String column, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            wrong.add(column + "=" + actual + (actual == null ? "" : " (" + actual.getClass().getSimpleName() + ")")
                    + " want " + expected);
        }
    }
}
