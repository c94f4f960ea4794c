package io.mockpg.bench;

import io.mockpg.MockPgServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What a large recorded script adds to a server's start, beside SnakeYAML's own parse of the
 * same file (the floor no YAML loader built on it can go under).
 *
 * <pre>
 * ScriptLoadBench JAR BIG EMPTY ROUNDS   the table below (spawns the fresh JVMs itself)
 * ScriptLoadBench compose FILE           in this fresh JVM: SnakeYAML composes FILE once, "compose-ms N cpu-ms N"
 * </pre>
 *
 * Fresh: {@code java -jar JAR --script S --port 0} from spawn until it prints its listening
 * line, with the big and the empty script in turn (ROUNDS each, interleaved, medians). Warm:
 * {@code MockPgServer.builder().script(S).start()} in this JVM after a warm-up, interleaved the
 * same way. The floors: SnakeYAML's {@code compose} of the file, the node tree the loader reads,
 * in a fresh JVM and warm.
 */
public final class ScriptLoadBench {
    private static final int WARMUP = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU time of the starting thread in the last warm start: a steadier figure on a busy host. */
    private static double lastWarmCpuMs;
    /** CPU time of the whole process (every thread: JIT, GC, the loader's helpers) in the last fresh start. */
    private static double lastFreshCpuMs;

    private ScriptLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("compose")) {
            String text = Files.readString(Path.of(args[1]));
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            compose(text);
            System.out.printf(Locale.ROOT, "compose-ms %.1f cpu-ms %.1f%n", (System.nanoTime() - start) / 1e6,
                    (processCpuNanos() - cpuStart) / 1e6);
            return;
        }
        if (args.length != 4) {
            System.err.println("usage: ScriptLoadBench JAR BIG EMPTY ROUNDS | ScriptLoadBench compose FILE");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path big = Path.of(args[1]);
        Path empty = Path.of(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String classpath = System.getProperty("java.class.path");

        double[] freshEmpty = new double[rounds];
        double[] freshBig = new double[rounds];
        double[] freshCompose = new double[rounds];
        double[] freshComposeCpu = new double[rounds];
        double[] freshCpuEmpty = new double[rounds];
        double[] freshCpuBig = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            // alternate which goes first, so that a drift of the host's speed hits both alike
            if (i % 2 == 0) {
                freshEmpty[i] = untilListening(jar, empty);
                freshCpuEmpty[i] = lastFreshCpuMs;
                freshBig[i] = untilListening(jar, big);
                freshCpuBig[i] = lastFreshCpuMs;
            } else {
                freshBig[i] = untilListening(jar, big);
                freshCpuBig[i] = lastFreshCpuMs;
                freshEmpty[i] = untilListening(jar, empty);
                freshCpuEmpty[i] = lastFreshCpuMs;
            }
            double[] compose = freshCompose(classpath, big);
            freshCompose[i] = compose[0];
            freshComposeCpu[i] = compose[1];
        }

        String text = Files.readString(big);
        for (int i = 0; i < WARMUP; i++) {
            warmStart(empty);
            warmStart(big);
            compose(text);
        }
        int warmRounds = Math.max(rounds, 5);
        double[] warmEmpty = new double[warmRounds];
        double[] warmBig = new double[warmRounds];
        double[] warmCompose = new double[warmRounds];
        double[] cpuEmpty = new double[warmRounds];
        double[] cpuBig = new double[warmRounds];
        double[] cpuCompose = new double[warmRounds];
        for (int i = 0; i < warmRounds; i++) {
            if (i % 2 == 0) {
                warmEmpty[i] = warmStart(empty);
                cpuEmpty[i] = lastWarmCpuMs;
                warmBig[i] = warmStart(big);
                cpuBig[i] = lastWarmCpuMs;
            } else {
                warmBig[i] = warmStart(big);
                cpuBig[i] = lastWarmCpuMs;
                warmEmpty[i] = warmStart(empty);
                cpuEmpty[i] = lastWarmCpuMs;
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            compose(text);
            cpuCompose[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            warmCompose[i] = (System.nanoTime() - start) / 1e6;
        }

        double freshAdded = median(freshBig) - median(freshEmpty);
        double warmAdded = median(warmBig) - median(warmEmpty);
        System.out.printf(Locale.ROOT, "script %s: %d rules, %.1f MB; medians of %d (fresh) and %d (warm)%n",
                big.getFileName(), ruleCount(text), Files.size(big) / 1e6, rounds, warmRounds);
        System.out.printf(Locale.ROOT, "%-58s %9s %9s %9s %9s%n", "", "empty", "script", "added", "floor");
        row("fresh JVM: java -jar until listening (ms)", median(freshEmpty), median(freshBig), freshAdded,
                median(freshCompose), 1000);
        row("↳ the same, CPU time of the whole process (ms)", median(freshCpuEmpty), median(freshCpuBig),
                median(freshCpuBig) - median(freshCpuEmpty), median(freshComposeCpu), Double.NaN);
        row("warm JVM: MockPgServer start (ms)", median(warmEmpty), median(warmBig), warmAdded,
                median(warmCompose), 150);
        row("↳ the same, CPU time of the starting thread (ms)", median(cpuEmpty), median(cpuBig),
                median(cpuBig) - median(cpuEmpty), median(cpuCompose), Double.NaN);
        System.out.printf(Locale.ROOT, "script-load fresh-empty-ms %.1f fresh-script-ms %.1f fresh-added-ms %.1f"
                        + " fresh-floor-ms %.1f%n", median(freshEmpty), median(freshBig), freshAdded,
                median(freshCompose));
        System.out.printf(Locale.ROOT, "script-load warm-empty-ms %.1f warm-script-ms %.1f warm-added-ms %.1f"
                + " warm-floor-ms %.1f%n", median(warmEmpty), median(warmBig), warmAdded, median(warmCompose));
    }

    /** One row; a NaN target marks a reference row (the targets are about wall time). */
    private static void row(String what, double empty, double script, double added, double floor, double target) {
        String verdict = Double.isNaN(target) ? "(reference)"
                : String.format(Locale.ROOT, "target added <= %.0f: %s", target, added <= target ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "%-58s %9.0f %9.0f %9.0f %9.0f   script/empty %.2f, added/floor %.2f, %s%n",
                what, empty, script, added, floor, script / empty, added / floor, verdict);
    }

    /** SnakeYAML's node tree of the text, with the options the loader uses. */
    private static void compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        options.setProcessComments(false);
        if (new Yaml(options).compose(new StringReader(text)) == null) {
            throw new IllegalStateException("empty document");
        }
    }

    private static double warmStart(Path script) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try (MockPgServer server = MockPgServer.builder().script(script).port(0).start()) {
            lastWarmCpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            return (System.nanoTime() - start) / 1e6;
        }
    }

    /** Milliseconds from spawning {@code java -jar JAR --script S --port 0} until it listens. */
    private static double untilListening(Path jar, Path script) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(javaBin(), "-jar", jar.toString(), "--script", script.toString(),
                "--port", "0").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("listening on")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    lastFreshCpuMs = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
                    return millis;
                }
                seen.add(line);
            }
            throw new IllegalStateException("mockpg never listened: " + String.join("\n", seen));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * SnakeYAML's compose of the file in a fresh JVM (its first, cold, parse): wall time, and the
     * CPU time of the whole process meanwhile (the JIT's threads included, as in the fresh start's CPU row).
     */
    private static double[] freshCompose(String classpath, Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaBin(), "-cp", classpath, ScriptLoadBench.class.getName(), "compose",
                script.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        for (String line : output.split("\n")) {
            if (line.startsWith("compose-ms ")) {
                String[] fields = line.trim().split(" ");
                return new double[] {Double.parseDouble(fields[1]), Double.parseDouble(fields[3])};
            }
        }
        throw new IllegalStateException("compose failed: " + output);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int ruleCount(String text) {
        int count = 0;
        for (int i = text.indexOf("\n  - "); i >= 0; i = text.indexOf("\n  - ", i + 1)) {
            count++;
        }
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
