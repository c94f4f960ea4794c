"""psycopg 3 against the compatibility script, in one of four modes:
text (defaults), binary (binary=True cursors), prepared (prepare_threshold=0) and pipeline."""

import contextlib

import psycopg
from psycopg import pq

import dbapi_conversation
from compat_common import Reporter, arguments, series_summary


def text(value):
    """parameter_status gives bytes in older psycopg 3 releases, str in newer ones."""
    return value.decode() if isinstance(value, bytes) else value


class Psycopg3(dbapi_conversation.Driver):
    def __init__(self, mode):
        self.mode = mode
        self.pipeline = None

    def cursor(self, conn):
        return conn.cursor(binary=self.mode == "binary")

    def sqlstate(self, error):
        return error.sqlstate

    def idle(self, conn):
        return conn.info.transaction_status == pq.TransactionStatus.IDLE

    def stream(self, conn, sql):
        if self.mode == "pipeline":
            cur = self.cursor(conn)
            cur.execute(sql)
            yield from cur
        else:
            # single-row mode: rows are decoded as they arrive
            yield from self.cursor(conn).stream(sql)

    @contextlib.contextmanager
    def block(self, conn):
        if self.mode != "pipeline":
            yield
            return
        with conn.pipeline() as pipeline:
            self.pipeline = pipeline
            try:
                yield
            finally:
                self.pipeline = None

    def settle(self, conn):
        if self.pipeline is not None:
            self.pipeline.sync()

    def application_name(self, conn):
        return text(conn.info.parameter_status("application_name"))


def main():
    args = arguments(__doc__)
    mode = args.mode or "text"
    reporter = Reporter(f"psycopg3-{mode}", args.observe)
    options = {"prepare_threshold": 0} if mode == "prepared" else {}
    conn = None

    def login():
        nonlocal conn
        conn = psycopg.connect(host=args.host, port=args.port, user="app", password="s3cret", dbname="compat",
                               **options)
        version = text(conn.info.parameter_status("server_version"))
        return version == "16.4", f"psycopg {psycopg.__version__}, libpq {pq.version()}, server {version}"

    if reporter.run("login", login):
        dbapi_conversation.run(reporter, Psycopg3(mode), conn, client_name=f"psycopg3-{mode}")
        conn.close()
    reporter.exit()


if __name__ == "__main__":
    main()
