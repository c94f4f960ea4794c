package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.internal.server.channel.EpollTransport;
import io.mockpg.internal.script.yaml.ScriptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/** The standalone server: {@code java -jar mockpg.jar [options]} (README.md, "Standalone server"). */
public final class Main {
    static {
        // before the first logger exists: the runnable jar's defaults for slf4j-simple
        LogDefaults.apply(System.getenv("MOCKPG_LOG_LEVEL"));
        NettyDefaults.apply(System.getProperties());
    }

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs until SIGTERM/SIGINT; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (CliOptions.UsageException e) {
            err.println("mockpg: " + e.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(Usage.TEXT);
            return 0;
        }
        if (options.version()) {
            out.println("mockpg " + version());
            return 0;
        }
        MockPgServer server;
        try {
            MockPgServer.Builder builder = MockPgServer.builder().host(options.host()).port(options.port())
                    .drainTimeout(options.drainTimeout())
                    .nativeTransport(true); // a long-running server: worth the native library's start
            options.scripts().forEach(builder::script);
            server = builder.start();
        } catch (ScriptException e) {
            e.problems().forEach(err::println);
            return 2;
        } catch (Exception e) {
            // a port in use: NIO's BindException (as the cause), or epoll's native error
            if (causedBy(e, cause -> cause instanceof BindException || EpollTransport.portInUse(cause))) {
                err.println("mockpg: cannot listen on " + options.host() + ":" + options.port()
                        + ": the port is in use (use --port 0 for any free port)");
            } else {
                err.println("mockpg: cannot start: " + e.getMessage());
            }
            return 1;
        }
        return serve(server, options, out, err);
    }

    private static int serve(MockPgServer server, CliOptions options, PrintStream out, PrintStream err) {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        AdminEndpoint admin = null;
        ScriptWatcher watcher = null;
        try {
            if (options.watch()) {
                watcher = new ScriptWatcher(server, options.scripts());
            }
            if (options.adminPort() != null) {
                admin = AdminEndpoint.start(server, options.host(), options.adminPort());
            }
            if (options.portFile() != null) {
                writePortFile(options.portFile(), server.port());
            }
            out.println("mockpg listening on " + server.host() + ":" + server.port());
            if (admin != null) {
                out.println("mockpg admin on http://" + server.host() + ":" + admin.port());
            }
            out.flush();
            stop.await();
            log.info("draining sessions (at most {} ms for open transactions)", options.drainTimeout().toMillis());
            return 0;
        } catch (IOException e) {
            err.println("mockpg: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            closeQuietly(watcher);
            closeQuietly(admin);
            server.close();
        }
    }

    /** Written to a temporary file and moved, so a reader never sees a half-written port. */
    private static void writePortFile(Path file, int port) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), ".mockpg-port", ".tmp");
        Files.writeString(temporary, port + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("while closing", e);
            }
        }
    }

    private static boolean causedBy(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    static String version() {
        try (InputStream in = Main.class.getResourceAsStream("/io/mockpg/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
