package io.mockpg.internal.cli;

import io.mockpg.MockPgServer;
import io.mockpg.internal.script.yaml.ScriptException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mockpg serve} (the default subcommand): the scripted server, until SIGTERM/SIGINT. */
@Command(name = "serve")
final class ServeCommand implements Callable<Integer>, Documented {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = {"-s", "--script"}, paramLabel = "FILE", order = 1,
            description = "load a script; repeatable; later files take precedence")
    List<Path> scripts = new ArrayList<>();

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--watch", order = 20,
            description = "reload scripts when they change on disk; a bad edit keeps the old rules and logs why")
    boolean watch;

    @Option(names = "--admin-port", paramLabel = "N", converter = PortNumber.class, order = 21,
            description = "serve the admin HTTP API on this port (0 = any)")
    Integer adminPort;

    @Option(names = "--drain-timeout", paramLabel = "D", converter = DurationOption.class, order = 22,
            description = "how long SIGTERM waits for sessions in a transaction (default 5s; e.g. 250ms, 10s, 1m)")
    Duration drainTimeout = Duration.ofSeconds(5);

    @Mixin
    ServeLimits limits = new ServeLimits();

    @Mixin
    HelpOptions help = new HelpOptions();

    private final Console console;

    ServeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        MockPgServer server;
        try {
            MockPgServer.Builder builder = MockPgServer.builder().host(listen.host).port(listen.port)
                    .drainTimeout(drainTimeout)
                    .nativeTransport(true); // a long-running server: worth the native library's start
            limits.applyTo(builder);
            scripts.forEach(builder::script);
            server = builder.start();
        } catch (ScriptException e) {
            e.problems().forEach(console.err()::println);
            return ParameterErrors.USAGE;
        } catch (Exception e) {
            console.err().println("mockpg: " + StartFailure.describe(e, listen));
            return 1;
        }
        return serve(server);
    }

    private int serve(MockPgServer server) {
        StopSignal stop = StopSignal.install();
        AdminEndpoint admin = null;
        ScriptWatcher watcher = null;
        try {
            if (watch) {
                watcher = new ScriptWatcher(server, scripts);
            }
            if (adminPort != null) {
                admin = AdminEndpoint.start(server, listen.host, adminPort,
                        limits.adminAccess(System.getenv(ServeLimits.TOKEN_VARIABLE)));
            }
            if (listen.portFile != null) {
                PortFile.write(listen.portFile, server.port());
            }
            console.out().println("mockpg listening on " + server.host() + ":" + server.port());
            if (admin != null) {
                console.out().println("mockpg admin on http://" + server.host() + ":" + admin.port());
            }
            console.out().flush();
            stop.await();
            log.info("draining sessions (at most {} ms for open transactions)", drainTimeout.toMillis());
            return 0;
        } catch (IOException e) {
            console.err().println("mockpg: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            Closing.quietly(watcher);
            // the admin API outlives the sessions: a CI job can read the final journal while they drain
            server.close();
            Closing.quietly(admin);
        }
    }

    @Override
    public String manPage() {
        return """
                NAME
                    mockpg - a scripted PostgreSQL wire-protocol server for tests

                SYNOPSIS
                    java -jar mockpg.jar [serve] [options]
                    java -jar mockpg.jar record --upstream URL --out FILE [options]
                    java -jar mockpg.jar check --against URL [--json] SCRIPT...
                    java -jar mockpg.jar lint SCRIPT...

                DESCRIPTION
                    Listens like a PostgreSQL server and answers every statement from the rules of
                    its YAML scripts: rows, errors, delays, faults. Every statement received is kept
                    in a journal, readable through the admin HTTP API.

                COMMANDS
                    serve     the scripted server (the default: "serve" may be left out)
                    record    forward sessions to a real PostgreSQL and write what it answered as
                              a script (see record --help)
                    check     check scripts against a real database's schema (see check
                              --help)
                    lint      load scripts and report every problem, without serving (see
                              lint --help)

                OPTIONS
                    {options}

                OUTPUT
                    Once accepting connections, prints "mockpg listening on HOST:PORT" on stdout,
                    and "mockpg admin on http://HOST:PORT" when the admin API is on. Logs go to
                    stderr: one INFO line per connection (user, database, application_name) and
                    per statement no rule answered; every statement at DEBUG.

                ADMIN API
                    With --admin-port, JSON over HTTP on the same host:
                    GET    /health              {"status":"ok"}
                    GET    /journal             every statement received (?rule=ID: one rule's)
                    GET    /journal/unmatched   the statements no rule answered
                    DELETE /journal             empty the journal
                    GET    /rules               rules in precedence order, with answered counts
                    POST   /rules               add the rules of a YAML script body (201, or 400
                                                with {"errors": ["LINE:COLUMN: message", ...]})
                    POST   /reset               journal, scenarios and added rules reset
                    POST   /notify              {"channel": C, "payload": P} to every listener

                SIGNALS
                    SIGTERM, SIGINT   stop accepting connections; idle sessions get FATAL 57P01,
                                      a session in a transaction may finish it (at most
                                      --drain-timeout), no other statement is answered; the
                                      admin API answers until the sessions are gone; exit 0.

                ENVIRONMENT
                    MOCKPG_LOG_LEVEL  trace, debug, info (default), warn, error or off
                    MOCKPG_ADMIN_TOKEN the admin API's bearer token, when --admin-token is not given

                EXIT STATUS
                    0   stopped by SIGTERM or SIGINT after draining sessions
                    1   could not start (for example, the port is in use)
                    2   bad arguments, or a script with errors (each as FILE:LINE:COLUMN: message)

                EXAMPLES
                    java -jar mockpg.jar --script shop.yaml --port 0 --port-file /tmp/pg.port
                    psql "host=127.0.0.1 port=$(cat /tmp/pg.port) user=app dbname=shop"

                    java -jar mockpg.jar -s shop.yaml --watch --admin-port 8081 &
                    curl -s http://127.0.0.1:8081/journal/unmatched
                """;
    }
}
