package io.mockpg.internal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone server as a real operating-system process ({@code java -cp <test classpath>
 * io.mockpg.internal.cli.Main ...}), its stdout and stderr captured in files. With the system
 * property {@code mockpg.jar} set (e.g. {@code mvn -Dmockpg.jar=mockpg-core/target/mockpg.jar
 * -Dtest=...}), it runs {@code java -jar} that jar instead: the packaged server, or an older
 * one to show that a test fails on it (docs/robustness.md).
 */
public final class StandaloneProcess implements AutoCloseable {
    /** The system property naming a jar to run instead of the test class path. */
    public static final String JAR_PROPERTY = "mockpg.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern ADMIN_LINE = Pattern.compile("mockpg admin on http://[^:]+:(\\d+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path portFile;
    private int port;
    private Integer adminPort;

    private StandaloneProcess(Process process, Path stdout, Path stderr, Path portFile) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.portFile = portFile;
    }

    /** Starts the server with {@code --port 0 --port-file} and these arguments; waits until it listens. */
    public static StandaloneProcess start(Path directory, String... arguments) throws IOException,
            InterruptedException {
        return start(directory, Map.of(), arguments);
    }

    /** As {@link #start(Path, String...)}, with extra environment variables. */
    public static StandaloneProcess start(Path directory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return start(directory, List.of(), environment, arguments);
    }

    /** As {@link #start(Path, Map, String...)}, with JVM options (a small heap: {@code -Xmx128m}). */
    public static StandaloneProcess start(Path directory, List<String> jvmOptions, Map<String, String> environment,
                                          String... arguments) throws IOException, InterruptedException {
        Path portFile = directory.resolve("mockpg.port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of("--port", "0", "--port-file", portFile.toString()));
        command.addAll(List.of(arguments));
        StandaloneProcess server = launch(directory, environment, jvmOptions, command);
        server.awaitListening();
        return server;
    }

    /** Starts a listening subcommand ({@code record}) with {@code --port 0 --port-file} and these arguments. */
    public static StandaloneProcess startCommand(Path directory, Map<String, String> environment, String subcommand,
                                                 String... arguments) throws IOException, InterruptedException {
        Path portFile = directory.resolve("mockpg.port");
        Files.deleteIfExists(portFile);
        List<String> command = new ArrayList<>(List.of(subcommand, "--port", "0", "--port-file", portFile.toString()));
        command.addAll(List.of(arguments));
        StandaloneProcess server = launch(directory, environment, command);
        server.awaitListening();
        return server;
    }

    /** Starts the process with exactly these arguments and does not wait for anything. */
    public static StandaloneProcess launch(Path directory, Map<String, String> environment, List<String> arguments)
            throws IOException {
        return launch(directory, environment, List.of(), arguments);
    }

    private static StandaloneProcess launch(Path directory, Map<String, String> environment, List<String> jvmOptions,
                                            List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String jar = System.getProperty(JAR_PROPERTY, "");
        if (jar.isBlank()) {
            command.add("-cp");
            command.add(testClassPath());
            command.add(Main.class.getName());
        } else {
            command.add("-jar");
            command.add(Path.of(jar).toAbsolutePath().toString());
        }
        command.addAll(arguments);
        Path stdout = Files.createTempFile(directory, "stdout", ".txt");
        Path stderr = Files.createTempFile(directory, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new StandaloneProcess(builder.start(), stdout, stderr, directory.resolve("mockpg.port"));
    }

    /** Surefire keeps the full class path in this property; its java.class.path may be a booter jar. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitListening() throws IOException, InterruptedException {
        await(START_TIMEOUT, () -> Files.exists(portFile) || !process.isAlive());
        if (!Files.exists(portFile)) {
            throw new IllegalStateException("the server did not start: exit " + exitValueOrRunning()
                    + "\nstdout: " + stdout() + "\nstderr: " + stderr());
        }
        port = Integer.parseInt(Files.readString(portFile).trim());
        // the "listening" line is printed right after the port file is written
        await(Duration.ofSeconds(10), () -> stdoutUnchecked().contains("mockpg listening on"));
        Matcher admin = ADMIN_LINE.matcher(stdout());
        adminPort = admin.find() ? Integer.parseInt(admin.group(1)) : null;
    }

    private String exitValueOrRunning() {
        return process.isAlive() ? "(still running)" : String.valueOf(process.exitValue());
    }

    /** Polls a condition every 20 ms until it holds or the time is up; returns whether it held. */
    public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    public int port() {
        return port;
    }

    /** The admin API's port (from the "mockpg admin on" line), or null without --admin-port. */
    public Integer adminPort() {
        return adminPort;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Process process() {
        return process;
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    private String stdoutUnchecked() {
        try {
            return stdout();
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends SIGTERM ({@link Process#destroy()} on Linux and macOS). */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the exit; the exit status, or -1 if still running after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
