package io.mockpg.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.Locale;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one test class through the JUnit Platform launcher in this (fresh) JVM and prints the
 * time the run took. Arg: {@code with} (the class annotated {@code @MockPg}) or {@code without}.
 */
public final class JUnitOverheadBench {
    private JUnitOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0].equals("with") ? "io.mockpg.bench.junit.WithMockPg" : "io.mockpg.bench.junit.WithoutMockPg";
        long start = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(name))).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request, listener);
        double ms = (System.nanoTime() - start) / 1e6;
        TestExecutionSummary summary = listener.getSummary();
        if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
            throw new IllegalStateException(name + ": " + summary.getTestsSucceededCount() + " passed, "
                    + summary.getTotalFailureCount() + " failed");
        }
        System.out.printf(Locale.ROOT, "junit-ms %.1f%n", ms);
    }
}
