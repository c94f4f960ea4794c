package io.mockpg.internal.cli;

/** The text of --help, written like a man page. */
final class Usage {
    private Usage() {
    }

    static final String TEXT = """
            NAME
                mockpg - a scripted PostgreSQL wire-protocol server for tests

            SYNOPSIS
                java -jar mockpg.jar [options]

            DESCRIPTION
                Listens like a PostgreSQL server and answers every statement from the rules of
                its YAML scripts: rows, errors, delays, faults. Every statement received is kept
                in a journal, readable through the admin HTTP API.

            OPTIONS
                -s, --script FILE       load a script; repeatable; later files take precedence
                -p, --port N            port to listen on (default 5432; 0 = any free port)
                    --host ADDR         address to bind (default 127.0.0.1)
                    --port-file FILE    write the bound port (decimal, newline) once listening
                    --watch             reload scripts when they change on disk; a bad edit
                                        keeps the old rules and logs why
                    --admin-port N      serve the admin HTTP API on this port (0 = any)
                    --drain-timeout D   how long SIGTERM waits for sessions in a transaction
                                        (default 5s; e.g. 250ms, 10s, 1m)
                    --journal-limit N   statements the journal keeps (default 100000); older
                                        ones are dropped and /journal says how many
                    --version           print the version and exit
                -h, --help              print this text and exit

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
                                  --drain-timeout); then exit 0.

            ENVIRONMENT
                MOCKPG_LOG_LEVEL  trace, debug, info (default), warn, error or off

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
