"""The suite's conversation for DB-API drivers (psycopg2 and psycopg 3), with their default
transaction handling: the driver opens a transaction before the first statement and each
step ends it with commit() or rollback()."""

from compat_common import (ACCOUNT, ARRAYS, BALANCE_SQL, DEBIT_SQL, INSERT_SQL, REFUND_SQL, SCALARS,
                           SERIES_SQL, TYPES_SQL, UNMATCHED_SQL, compare, series_summary, typed_row)


class Driver:
    """What differs between the DB-API drivers; subclasses fill it in."""
    placeholder = "%s"

    def cursor(self, conn):
        return conn.cursor()

    def sqlstate(self, error):
        raise NotImplementedError

    def idle(self, conn):
        raise NotImplementedError

    def stream(self, conn, sql):
        """Yields (n, label) of a large result."""
        cur = self.cursor(conn)
        cur.execute(sql)
        yield from cur

    def block(self, conn):
        """A context around each step (psycopg 3's pipeline mode)."""
        import contextlib
        return contextlib.nullcontext()

    def settle(self, conn):
        """Makes the results of the statements sent so far available (pipeline mode: a sync)."""

    def application_name(self, conn):
        """The application_name the driver learned from ParameterStatus, or None if it keeps none."""
        return None


def run(reporter, driver, conn, expected_scalars=None, client_name="compat"):
    p = driver.placeholder
    scalars = dict(SCALARS, **(expected_scalars or {}))

    def step(body):
        def wrapped():
            try:
                with driver.block(conn):
                    return body()
            finally:
                if not driver.idle(conn):
                    conn.rollback()
        return wrapped

    def query(sql, params=()):
        cur = driver.cursor(conn)
        cur.execute(sql, params)
        return cur

    def command(sql, params=()):
        """A statement whose row count is read: settled first."""
        cur = query(sql, params)
        driver.settle(conn)
        return cur

    def types_rows():
        cur = query(TYPES_SQL.format(p), (1,))
        fetched = cur.fetchall()
        names = [column.name for column in cur.description]
        rows = [dict(zip(names, row)) for row in fetched]
        conn.commit()
        return names, rows

    state = {}

    def types():
        names, rows = types_rows()
        state["rows"] = rows
        return typed_row(names, scalars, rows[0])

    def arrays():
        return compare(ARRAYS, state["rows"][0])

    def nulls():
        rows = state["rows"]
        ok = len(rows) == 2 and all(value is None for value in rows[1].values())
        return ok, f"{len(rows)} rows, second {list(rows[1].values()) if len(rows) > 1 else None}"

    def insert():
        cur = command(INSERT_SQL.format(p, p), (1, "widget"))
        conn.commit()
        return cur.rowcount == 1 and cur.statusmessage == "INSERT 0 1", f"{cur.statusmessage}, rowcount {cur.rowcount}"

    def unique():
        try:
            command(INSERT_SQL.format(p, p), (2, "dup"))
            conn.commit()
            return False, "no error"
        except Exception as error:
            conn.rollback()
            code, constraint = driver.sqlstate(error), error.diag.constraint_name
            return code == "23505" and constraint == "compat_items_pkey", f"{code} {constraint}"

    def stream():
        ok, detail = series_summary(driver.stream(conn, SERIES_SQL))
        conn.commit()
        return ok, detail

    def balance():
        return query(BALANCE_SQL.format(p), (ACCOUNT,)).fetchone()[0]

    def rollback():
        debited = command(DEBIT_SQL.format(p), (ACCOUNT,)).rowcount
        inside = balance()
        conn.rollback()
        after = balance()
        conn.commit()
        ok = debited == 1 and inside == 90 and after == 100 and driver.idle(conn)
        return ok, f"debit {debited}, in transaction {inside}, after rollback {after}"

    def commit():
        debited = command(DEBIT_SQL.format(p), (ACCOUNT,)).rowcount
        conn.commit()
        after = balance()
        refunded = command(REFUND_SQL.format(p), (ACCOUNT,)).rowcount
        conn.commit()
        restored = balance()
        conn.commit()
        ok = debited == 1 and after == 90 and refunded == 1 and restored == 100
        return ok, f"debit {debited}, after commit {after}, refund {refunded}, then {restored}"

    def unmatched():
        try:
            query(UNMATCHED_SQL.format(p), (1,)).fetchall()
            return False, "no error"
        except Exception as error:
            conn.rollback()
            code, message, detail = driver.sqlstate(error), error.diag.message_primary, error.diag.message_detail
            ok = (code == "MP001" and "no rule matches" in message and detail is not None
                  and 'closest rule "all-types"' in detail)
            return ok, f"{code} {message!r}"

    def set_show():
        wanted = f"compat-{client_name}"
        query(f"SET application_name = '{wanted}'")
        shown = query("SHOW application_name").fetchone()[0]
        conn.commit()
        reported = driver.application_name(conn)
        ok = shown == wanted and reported in (None, wanted)
        return ok, f"SHOW {shown!r}, ParameterStatus {reported!r}"

    for name, body in (("types", types), ("arrays", arrays), ("nulls", nulls), ("insert", insert),
                       ("unique", unique), ("stream", stream), ("rollback", rollback), ("commit", commit),
                       ("unmatched", unmatched), ("set_show", set_show)):
        reporter.run(name, step(body))
