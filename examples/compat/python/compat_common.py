"""Shared parts of the Python clients of the compatibility suite: connection settings, the
expected decoded values of the all-types row, and the CHECK line reporter."""

import argparse
import datetime
import decimal
import ipaddress
import sys
import traceback
import uuid

CHECKS = ("login", "types", "arrays", "nulls", "insert", "unique", "stream",
          "rollback", "commit", "unmatched", "set_show")

TYPES_SQL = "SELECT * FROM compat_types WHERE id = {}"
INSERT_SQL = "INSERT INTO compat_items (id, name) VALUES ({}, {})"
SERIES_SQL = "SELECT n, label FROM compat_series ORDER BY n"
BALANCE_SQL = "SELECT balance FROM compat_accounts WHERE id = {}"
DEBIT_SQL = "UPDATE compat_accounts SET balance = balance - 10 WHERE id = {}"
REFUND_SQL = "UPDATE compat_accounts SET balance = balance + 10 WHERE id = {}"
UNMATCHED_SQL = "SELECT * FROM compat_itemz WHERE id = {}"
ACCOUNT = 7

# The all-types row as psycopg 3 and asyncpg decode it from PostgreSQL 15 (columns in order).
SCALARS = {
    "c_bool": True,
    "c_int2": -32768,
    "c_int4": 2147483647,
    "c_int8": 9223372036854775807,
    "c_float4": 1.5,
    "c_float8": 3.141592653589793,
    "c_numeric": decimal.Decimal("12345.6789"),
    "c_text": "héllo wörld",
    "c_varchar": "varchar value",
    "c_bpchar": "abc",
    "c_name": "compat_name",
    "c_bytea": b"\xde\xad\xbe\xef",
    "c_date": datetime.date(2024, 2, 29),
    "c_time": datetime.time(13, 45, 30, 123456),
    "c_timetz": datetime.time(13, 45, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
    "c_timestamp": datetime.datetime(2024, 2, 29, 13, 45, 30, 123456),
    "c_timestamptz": datetime.datetime(2024, 2, 29, 13, 45, 30, 123456, tzinfo=datetime.timezone.utc),
    # 1 year 2 mons 3 days 04:05:06.5: drivers count a year as 365 days and a month as 30
    "c_interval": datetime.timedelta(days=428, hours=4, minutes=5, seconds=6.5),
    "c_uuid": uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
    "c_json": {"a": 1, "b": [True, None]},
    "c_jsonb": {"a": 1, "b": [True, None]},
    "c_oid": 3000000000,
    "c_inet": ipaddress.IPv4Address("192.168.0.1"),
}
ARRAYS = {
    "c_int4_array": [1, None, 3],
    "c_text_array": ["alpha", "with space", None],
}
COLUMNS = list(SCALARS) + list(ARRAYS)


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mode", default=None)
    return parser.parse_args()


def framework_arguments(description):
    """The framework suite's database: mockpg or the real PostgreSQL."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="app")
    parser.add_argument("--password", default="app-secret")
    parser.add_argument("--database", default="frameworks")
    return parser.parse_args()


class Reporter:
    """Prints one `CHECK <client> <check> PASS|FAIL <detail>` line per check."""

    def __init__(self, client):
        self.client = client
        self.failed = 0

    def report(self, check, ok, detail=""):
        status = "PASS" if ok else "FAIL"
        if not ok:
            self.failed += 1
        detail = " ".join(str(detail).split())
        print(f"CHECK {self.client} {check} {status} {detail}".rstrip(), flush=True)

    def run(self, check, body):
        """Runs body(); it returns (ok, detail). An exception is a failure with its message."""
        try:
            ok, detail = body()
        except Exception as error:  # the check fails, the conversation goes on
            ok, detail = False, f"{type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
        self.report(check, ok, detail)
        return ok

    def exit(self):
        sys.exit(1 if self.failed else 0)


def compare(expected, actual_by_column):
    """(ok, detail) for a dict of expected values against decoded ones (a memoryview, which
    psycopg2 returns for bytea, compares as bytes)."""
    actual_by_column = {name: bytes(value) if isinstance(value, memoryview) else value
                        for name, value in actual_by_column.items()}
    wrong = [f"{name}={actual_by_column.get(name)!r}(want {want!r})"
             for name, want in expected.items() if actual_by_column.get(name) != want
             or not isinstance(actual_by_column.get(name), type(want))]
    return (not wrong, "; ".join(wrong) if wrong else f"{len(expected)} values")


def series_summary(rows):
    """(ok, detail) for the 10,000-row result, given (n, label) pairs."""
    count = total = 0
    last = None
    for n, label in rows:
        count += 1
        total += n
        last = (n, label)
        if label != f"row-{n}":
            return False, f"row {count}: {n!r}, {label!r}"
    ok = count == 10000 and total == 50005000 and last == (10000, "row-10000")
    return ok, f"{count} rows, sum {total}, last {last}"
