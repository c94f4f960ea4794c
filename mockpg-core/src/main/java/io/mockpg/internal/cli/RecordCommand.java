package io.mockpg.internal.cli;

import io.mockpg.internal.record.Recorder;
import io.mockpg.internal.upstream.UpstreamException;
import io.mockpg.internal.upstream.UpstreamUrl;
import io.mockpg.internal.upstream.UpstreamUrlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mockpg record}: forwards sessions to a real PostgreSQL and writes what it answered as a script. */
@Command(name = "record")
final class RecordCommand implements Callable<Integer>, Documented {
    @Option(names = "--upstream", paramLabel = "URL", order = 1,
            description = "the real PostgreSQL, as postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=disable|prefer|require];"
                    + " the password may come from PGPASSWORD instead")
    String upstream;

    @Option(names = "--out", paramLabel = "FILE", order = 2,
            description = "the script to write, when recording stops and after each session ends")
    Path out;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Mixin
    HelpOptions help = new HelpOptions();

    private final Console console;

    RecordCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (upstream == null || out == null) {
            console.err().println("mockpg: record needs --upstream URL and --out FILE (see record --help)");
            return ParameterErrors.USAGE;
        }
        UpstreamUrl url;
        try {
            url = UpstreamUrl.parse(upstream, System.getenv());
        } catch (UpstreamUrlException e) {
            console.err().println("mockpg: " + e.getMessage());
            return ParameterErrors.USAGE;
        }
        String unwritable = unwritable(out);
        if (unwritable != null) {
            console.err().println("mockpg: cannot write --out " + out + ": " + unwritable);
            return ParameterErrors.USAGE;
        }
        Recorder recorder = new Recorder(url, out, Main.version(), warning -> console.err().println("mockpg: warning: "
                + warning));
        java.net.InetSocketAddress address;
        try {
            address = recorder.start(listen.host, listen.port, true);
        } catch (UpstreamException e) {
            console.err().println("mockpg: " + e.getMessage());
            Closing.quietly(recorder);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            console.err().println("mockpg: " + StartFailure.describe(e, listen));
            Closing.quietly(recorder);
            return 1;
        }
        return record(recorder, address);
    }

    private int record(Recorder recorder, java.net.InetSocketAddress address) {
        StopSignal stop = StopSignal.install();
        try {
            if (listen.portFile != null) {
                PortFile.write(listen.portFile, address.getPort());
            }
            console.out().println("mockpg listening on " + listen.host + ":" + address.getPort());
            console.out().println("mockpg recording to " + out);
            console.out().flush();
            stop.await();
            recorder.close();
            return 0;
        } catch (IOException e) {
            console.err().println("mockpg: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            Closing.quietly(recorder);
        }
    }

    /** Why {@code file} cannot be written, or null: checked before listening, by writing beside it. */
    private static String unwritable(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return "no such directory " + directory;
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        try {
            Files.delete(Files.createTempFile(directory, ".mockpg-record", ".tmp"));
            if (Files.exists(file) && !Files.isWritable(file)) {
                return "permission denied";
            }
            return null;
        } catch (IOException e) {
            return "cannot create a file in " + directory + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public String manPage() {
        return """
                NAME
                    mockpg record - record a real PostgreSQL's answers as a script

                SYNOPSIS
                    java -jar mockpg.jar record --upstream URL --out FILE [options]

                DESCRIPTION
                    Listens like the server and forwards every client session, message for
                    message, to the PostgreSQL at URL; the application cannot tell it from a
                    direct connection. Toward the application it accepts any user and password;
                    toward PostgreSQL it authenticates as URL says (trust, password, MD5,
                    SCRAM-SHA-256; TLS when sslmode asks for it). FILE is written when recording
                    stops and again after each client session ends: one rule per distinct
                    statement and parameters, in first-seen order, that "serve --script FILE"
                    replays with the same results. No password is ever written.

                OPTIONS
                    {options}

                OUTPUT
                    Once accepting connections, prints "mockpg listening on HOST:PORT" and then
                    "mockpg recording to FILE" on stdout. Logs and warnings (a column of a type a
                    script cannot express, written as text) go to stderr.

                SIGNALS
                    SIGTERM, SIGINT   stop accepting connections, write FILE, exit 0.

                ENVIRONMENT
                    PGPASSWORD        the upstream password, when URL has none
                    MOCKPG_LOG_LEVEL  trace, debug, info (default), warn, error or off

                EXIT STATUS
                    0   stopped by SIGTERM or SIGINT, FILE written
                    1   could not start (the upstream cannot be reached or refuses, the port is
                        in use)
                    2   bad arguments: a bad URL, FILE not writable

                EXAMPLES
                    PGPASSWORD=secret java -jar mockpg.jar record \\
                        --upstream "postgresql://app@127.0.0.1:5432/shop?sslmode=prefer" \\
                        --out shop.yaml --port 15432
                """;
    }
}
