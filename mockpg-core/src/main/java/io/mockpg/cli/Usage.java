package io.mockpg.cli;

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
                    --version           print the version and exit
                -h, --help              print this text and exit

            OUTPUT
                Once accepting connections, prints "mockpg listening on HOST:PORT" on stdout,
                and "mockpg admin on http://HOST:PORT" when the admin API is on. Logs go to
                stderr.

            EXIT STATUS
                0   stopped by SIGTERM or SIGINT after draining sessions
                1   could not start (for example, the port is in use)
                2   bad arguments, or a script with errors (each as FILE:LINE:COLUMN: message)

            EXAMPLES
                java -jar mockpg.jar --script shop.yaml --port 0 --port-file /tmp/pg.port
                psql "host=127.0.0.1 port=$(cat /tmp/pg.port) user=app dbname=shop"
            """;
}
