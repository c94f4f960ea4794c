package io.mockpg.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the psql client against a local server and captures what it prints. */
final class Psql {
    private Psql() {
    }

    /** What psql printed and its exit status. */
    record Result(int exit, String stdout, String stderr) {
    }

    /** {@code psql "host=127.0.0.1 port=P user=app dbname=shop EXTRA" -c COMMAND...}. */
    static Result run(int port, String extraConnectionOptions, String... commands) throws Exception {
        return runIn(null, port, extraConnectionOptions, commands);
    }

    static Result runIn(Path directory, int port, String extraConnectionOptions, String... commands) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1",
                "host=127.0.0.1 port=" + port + " user=app dbname=shop connect_timeout=10 " + extraConnectionOptions));
        for (String c : commands) {
            command.add("-c");
            command.add(c);
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("PGPASSWORD", "x");
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = read(process, false);
        CompletableFuture<String> stderr = read(process, true);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql did not finish: " + command);
        }
        return new Result(process.exitValue(), stdout.get(), stderr.get());
    }

    private static CompletableFuture<String> read(Process process, boolean error) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                byte[] bytes = (error ? process.getErrorStream() : process.getInputStream()).readAllBytes();
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
