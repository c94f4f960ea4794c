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
 * Runs a test class through the JUnit Platform launcher and prints the time the run took.
 * {@code with} / {@code without} / {@code netty}: the class annotated {@code @MockPg}, the same
 * class without it, or with a bare Netty server instead, once in this fresh JVM. {@code warm N}: both classes alternately N times in this
 * JVM after a warm-up — what every {@code @MockPg} class after the first costs in a suite —
 * printing the median added time.
 */
public final class JUnitOverheadBench {
    private JUnitOverheadBench() {
    }

    private static final String WITH = "io.mockpg.bench.junit.WithMockPg";
    private static final String WITHOUT = "io.mockpg.bench.junit.WithoutMockPg";
    private static final String NETTY = "io.mockpg.bench.junit.WithNettyServer";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("warm")) {
            warm(Integer.parseInt(args[1]));
            return;
        }
        String name = switch (args[0]) {
            case "with" -> WITH;
            case "netty" -> NETTY;
            default -> WITHOUT;
        };
        double ms = run(name);
        System.out.printf(Locale.ROOT, "junit-ms %.1f%n", ms);
    }

    private static void warm(int rounds) throws Exception {
        for (int i = 0; i < 5; i++) {
            run(WITHOUT);
            run(WITH);
        }
        double[] added = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double without = run(WITHOUT);
            added[i] = run(WITH) - without;
        }
        java.util.Arrays.sort(added);
        System.out.printf(Locale.ROOT, "junit-warm-added-ms %.1f%n", added[rounds / 2]);
    }

    /** Runs one class; its run time in milliseconds. */
    private static double run(String name) throws Exception {
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
        return ms;
    }
}
