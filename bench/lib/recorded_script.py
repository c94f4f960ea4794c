#!/usr/bin/env python3
"""Writes a script shaped like one `mockpg record` writes, with N rules, to stdout.

    recorded_script.py N

Distinct SELECT, INSERT, UPDATE and DELETE statements with `$n` placeholders and `params`;
columns of several types; rows of natural values (numbers, text, booleans, timestamps, NULL);
every tenth rule answers with a `respond` list (a statement that got different answers).
Deterministic: the same N gives the same file. About 300 bytes a rule.
"""
import sys

TABLES = ["customers", "orders", "order_items", "products", "invoices", "payments", "shipments", "accounts"]
FIRST = ["Alice", "Bob", "Chloé", "Dmitri", "Eve", "Farah", "Gustav", "Hana", "Ivo", "Jun"]
STATUS = ["open", "paid", "shipped", "cancelled"]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def customer_row(i):
    name = "%s %d" % (FIRST[i % len(FIRST)], i)
    balance = "%d.%02d" % (i * 37 % 10000, i % 100)
    created = "2024-%02d-%02d %02d:%02d:%02d+00" % (1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60)
    email = "null" if i % 9 == 0 else quote("user%d@example.com" % i)
    return "[%d, %s, %s, %s, %s, %s]" % (i, quote(name), email, balance, quote(created), "true" if i % 3 else "false")


def select_rule(i, table):
    out = ["  - match:",
           "      sql: SELECT id, name, email, balance, created_at, active FROM %s WHERE id = $1 AND region_%d = $2"
           % (table, i),
           "      params: [%d, %s]" % (i, quote("eu-%d" % (i % 5))),
           "    respond:"]
    columns = ("      columns: [{ id: int8 }, { name: text }, { email: varchar }, { balance: numeric },"
               " { created_at: timestamptz }, { active: bool }]")
    if i % 10 == 0:
        # a statement that got two answers: first one row, then none
        out += ["      - " + columns.strip(), "        rows:", "          - " + customer_row(i), "        tag: SELECT 1",
                "      - " + columns.strip(), "        rows: []", "        tag: SELECT 0"]
    else:
        out += [columns, "      rows:", "        - " + customer_row(i)]
        if i % 4 == 0:
            out.append("        - " + customer_row(i + 100000))
        out.append("      tag: SELECT %d" % (2 if i % 4 == 0 else 1))
    return out


def insert_rule(i, table):
    return ["  - match:",
            "      sql: INSERT INTO %s (id, status, amount, note, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
            % table,
            "      params: [%d, %s, %d.%02d, %s, %s]" % (i, quote(STATUS[i % 4]), i % 500, i % 100,
                                                    "null" if i % 7 == 0 else quote("note %d" % i),
                                                    quote("2024-05-%02d 12:00:00+00" % (1 + i % 28))),
            "    respond:",
            "      columns: [{ id: int4 }]",
            "      rows: [[%d]]" % i,
            "      tag: INSERT 0 1"]


def update_rule(i, table):
    return ["  - match:",
            "      sql: UPDATE %s SET status = $1, updated_at = now() WHERE id = $2 AND version = %d" % (table, i % 13),
            "      params: [%s, %d]" % (quote(STATUS[(i + 1) % 4]), i),
            "    respond: { tag: UPDATE %d }" % (1 if i % 6 else 0)]


def delete_rule(i, table):
    return ["  - match:",
            "      sql: DELETE FROM %s WHERE id = $1 AND created_at < $2" % table,
            "      params: [%d, %s]" % (i, quote("2023-12-31")),
            "    respond: { tag: DELETE 1 }"]


def main():
    n = int(sys.argv[1])
    lines = ["# Recorded by mockpg from 127.0.0.1:5432/shop (generated for the script-load benchmark)",
             "server:",
             "  version: \"15.8\"",
             "rules:"]
    kinds = [select_rule, select_rule, insert_rule, update_rule, delete_rule]
    for i in range(n):
        table = TABLES[i % len(TABLES)]
        lines += kinds[i % len(kinds)](i, table)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
