"""psycopg2 (client-side parameter interpolation, simple query protocol) against the
compatibility script, with its default settings."""

import psycopg2
import psycopg2.extensions

import dbapi_conversation
from compat_common import Reporter, arguments

# What psycopg2 decodes differently from psycopg 3 and asyncpg, by design (it has no
# adapters for these types by default; PostgreSQL 15 gives the same values).
PSYCOPG2_SCALARS = {
    "c_uuid": "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
    "c_inet": "192.168.0.1",
}


class Psycopg2(dbapi_conversation.Driver):
    def sqlstate(self, error):
        return error.pgcode

    def idle(self, conn):
        return conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE


def main():
    args = arguments(__doc__)
    reporter = Reporter("psycopg2", args.observe)
    conn = None

    def login():
        nonlocal conn
        conn = psycopg2.connect(host=args.host, port=args.port, user="app", password="s3cret", dbname="compat")
        version = conn.get_parameter_status("server_version")
        return version == "16.4", f"psycopg2 {psycopg2.__version__.split()[0]}, server {version}"

    if reporter.run("login", login):
        dbapi_conversation.run(reporter, Psycopg2(), conn, PSYCOPG2_SCALARS, "psycopg2")
        conn.close()
    reporter.exit()


if __name__ == "__main__":
    main()
