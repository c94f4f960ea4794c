"""asyncpg (binary results, named prepared statements, Flush-driven Describe) against the
compatibility script, with its default settings."""

import asyncio

import asyncpg

from compat_common import (ACCOUNT, ARRAYS, BALANCE_SQL, DEBIT_SQL, INSERT_SQL, REFUND_SQL, SCALARS, SERIES_SQL,
                           TYPES_SQL, UNMATCHED_SQL, Reporter, arguments, compare, typed_row)

# asyncpg returns json and jsonb as their text (PostgreSQL 15 gives the same).
ASYNCPG_SCALARS = dict(SCALARS, c_json='{"a": 1, "b": [true, null]}', c_jsonb='{"a": 1, "b": [true, null]}')


def dollar(sql, count=1):
    return sql.format(*[f"${i + 1}" for i in range(count)])


async def conversation(reporter, args):
    conn = None

    async def check(name, body):
        raised = False
        try:
            ok, detail = await body()
        except Exception as error:
            ok, detail, raised = False, f"{type(error).__name__}: {error}", True
            if reporter.observe:  # an observation never fails, a conversation that breaks does
                reporter.failed += 1
        reporter.report(name, ok, detail)
        return ok or (reporter.observe and not raised)

    async def login():
        nonlocal conn
        conn = await asyncpg.connect(host=args.host, port=args.port, user="app", password="s3cret",
                                     database="compat")
        version = conn.get_server_version()
        return (version.major, version.micro) == (16, 4), f"asyncpg {asyncpg.__version__}, server {version}"

    if not await check("login", login):
        return
    state = {}

    async def types():
        rows = await conn.fetch(dollar(TYPES_SQL), 1)
        state["rows"] = [dict(row.items()) for row in rows]
        names = list(rows[0].keys())
        return typed_row(names, ASYNCPG_SCALARS, state["rows"][0])

    async def arrays():
        return compare(ARRAYS, state["rows"][0])

    async def nulls():
        rows = state["rows"]
        return len(rows) == 2 and all(v is None for v in rows[1].values()), f"{len(rows)} rows"

    async def insert():
        status = await conn.execute(dollar(INSERT_SQL, 2), 1, "widget")
        return status == "INSERT 0 1", status

    async def unique():
        try:
            await conn.execute(dollar(INSERT_SQL, 2), 2, "dup")
            return False, "no error"
        except asyncpg.UniqueViolationError as error:
            return (error.sqlstate == "23505" and error.constraint_name == "compat_items_pkey",
                    f"{error.sqlstate} {error.constraint_name}")

    async def stream():
        count = total = 0
        last = None
        # a cursor is a named portal read with Execute row limits, inside a transaction
        async with conn.transaction():
            async for row in conn.cursor(SERIES_SQL, prefetch=1000):
                count += 1
                total += row["n"]
                last = (row["n"], row["label"])
        ok = count == 10000 and total == 50005000 and last == (10000, "row-10000")
        return ok, f"{count} rows, sum {total}, last {last}"

    async def balance():
        return await conn.fetchval(dollar(BALANCE_SQL), ACCOUNT)

    async def rollback():
        tx = conn.transaction()
        await tx.start()
        debited = await conn.execute(dollar(DEBIT_SQL), ACCOUNT)
        inside = await balance()
        await tx.rollback()
        after = await balance()
        ok = debited == "UPDATE 1" and inside == 90 and after == 100 and not conn.is_in_transaction()
        return ok, f"{debited}, in transaction {inside}, after rollback {after}"

    async def commit():
        async with conn.transaction():
            debited = await conn.execute(dollar(DEBIT_SQL), ACCOUNT)
        after = await balance()
        refunded = await conn.execute(dollar(REFUND_SQL), ACCOUNT)
        restored = await balance()
        ok = debited == "UPDATE 1" and after == 90 and refunded == "UPDATE 1" and restored == 100
        return ok, f"{debited}, after commit {after}, {refunded}, then {restored}"

    async def unmatched():
        try:
            await conn.fetch(dollar(UNMATCHED_SQL), 1)
            return False, "no error"
        except asyncpg.PostgresError as error:
            ok = (error.sqlstate == "MP001" and "no rule matches" in error.message
                  and 'closest rule "all-types"' in (error.detail or ""))
            return ok, f"{error.sqlstate} {error.message!r}"

    async def set_show():
        await conn.execute("SET application_name = 'compat-asyncpg'")
        shown = await conn.fetchval("SHOW application_name")
        reported = conn.get_settings().application_name
        return shown == "compat-asyncpg" and reported == shown, f"SHOW {shown!r}, ParameterStatus {reported!r}"

    for name, body in (("types", types), ("arrays", arrays), ("nulls", nulls), ("insert", insert),
                       ("unique", unique), ("stream", stream), ("rollback", rollback), ("commit", commit),
                       ("unmatched", unmatched), ("set_show", set_show)):
        await check(name, body)
    await conn.close()


def main():
    args = arguments(__doc__)
    reporter = Reporter("asyncpg", args.observe)
    asyncio.run(conversation(reporter, args))
    reporter.exit()


if __name__ == "__main__":
    main()
