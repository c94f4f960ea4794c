package io.mockpg.junit5;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the {@code *Case} classes through the Jupiter engine so that their outcomes can be asserted. */
final class CaseRunner {
    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    private CaseRunner() {
    }

    static EngineExecutionResults run(Class<?>... cases) {
        return run(Map.of(), cases);
    }

    static EngineExecutionResults run(Map<String, String> configuration, Class<?>... cases) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(Arrays.stream(cases).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** The failure texts of failed tests: message, suppressed failures and causes. */
    static List<String> testFailures(EngineExecutionResults results) {
        return failures(results.testEvents());
    }

    /** The failure texts of failed classes. */
    static List<String> classFailures(EngineExecutionResults results) {
        return failures(results.containerEvents());
    }

    /** Failure texts of the test with this display name (method name plus parameters). */
    static List<String> failuresOf(EngineExecutionResults results, String displayName) {
        return failures(results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName)));
    }

    private static List<String> failures(Events events) {
        return failures(events.failed().stream());
    }

    private static List<String> failures(Stream<Event> failed) {
        return failed
                .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(CaseRunner::describe).orElse("(no throwable)"))
                .toList();
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            text.append(current.getClass().getName()).append(": ").append(current.getMessage()).append('\n');
            for (Throwable suppressed : current.getSuppressed()) {
                text.append("suppressed ").append(suppressed.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
