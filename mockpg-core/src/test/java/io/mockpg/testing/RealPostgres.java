package io.mockpg.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL that tests compare mockpg with: {@code tools/postgres.sh start}
 * installs it if missing, starts it on loopback once per machine and prints its URL. A test
 * that needs it fails when it cannot be had; it never skips.
 */
public final class RealPostgres {
    private static String url;

    private RealPostgres() {
    }

    /** The libpq URL of the scram-sha-256 user {@code app} on database {@code app}. */
    public static synchronized String url() {
        if (url == null) {
            url = start();
        }
        return url;
    }

    /** The same server as another role of tools/postgres.sh (app_md5, app_password, app_trust, postgres). */
    public static String url(String user, String password) {
        String base = url();
        String hostAndRest = base.substring(base.indexOf('@') + 1);
        String credentials = password == null ? user : user + ":" + password;
        return "postgresql://" + credentials + "@" + hostAndRest;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/app}: user and password go in the connection properties. */
    public static String jdbcUrl() {
        String base = url();
        return "jdbc:postgresql://" + base.substring(base.indexOf('@') + 1);
    }

    private static String start() {
        Path script = repositoryRoot().resolve("tools/postgres.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectErrorStream(true).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " start did not finish in 5 minutes");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " start failed:\n" + output);
            }
            return output.substring(output.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/postgres.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("tools/postgres.sh not found above " + Path.of("").toAbsolutePath());
    }
}
