package io.mockpg.compat.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes one line per check, {@code CHECK <framework> <check> PASS|FAIL <detail>}, to
 * target/frameworks/spring-boot-TARGET.txt (TARGET: mockpg or postgres), where examples/compat/frameworks/run.sh reads
 * them for the matrix and the Works-with table.
 */
final class CheckRecorder implements TestWatcher {
    private static final Path DIRECTORY = Path.of("target", "frameworks");
    /** Files started by this JVM: a new run replaces the previous run's lines. */
    private static final Set<Path> STARTED = new HashSet<>();

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "PASS", "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String detail = String.valueOf(cause).replace('\n', ' ');
        record(context, "FAIL", detail.length() > 300 ? detail.substring(0, 300) : detail);
    }

    private static synchronized void record(ExtensionContext context, String outcome, String detail) {
        Check check = context.getRequiredTestMethod().getAnnotation(Check.class);
        String target = Optional.ofNullable(context.getRequiredTestClass().getAnnotation(CompatTarget.class))
                .map(CompatTarget::value).orElseThrow();
        Path file = DIRECTORY.resolve("spring-boot-" + target + ".txt");
        String line = String.join(" ", "CHECK", check.framework(), check.value(), outcome, detail).trim() + "\n";
        try {
            Files.createDirectories(DIRECTORY);
            if (STARTED.add(file)) {
                Files.deleteIfExists(file);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
