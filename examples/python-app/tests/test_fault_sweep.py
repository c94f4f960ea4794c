"""A fault sweep from Python (docs/resilience.md): the function runs once cleanly, then once per
(statement, fault) with that statement failing as PostgreSQL would fail it."""
from decimal import Decimal

import psycopg
import pytest

import orders

FAULTS = ["SERIALIZATION_FAILURE", "DEADLOCK", "ADMIN_SHUTDOWN",
          "CONNECTION_CLOSED", "CONNECTION_RESET", "CLOSED_MID_RESULT"]


def scripted(journal):
    """The statements script rules answered: driver chatter and BEGIN/COMMIT are built-in."""
    return [entry for entry in journal if entry["ruleId"] not in (None, "builtin")]


def place_order(mockpg):
    return orders.create_order_retrying(lambda: psycopg.connect(mockpg.dsn()), 7, Decimal("19.99"), "R-1")


def test_create_order_survives_each_fault_at_each_statement(mockpg):
    assert place_order(mockpg) == 1001
    statements = [entry["sql"] for entry in scripted(mockpg.journal())]
    assert statements == [
        "INSERT INTO orders (customer_id, amount, reference) VALUES ($1, $2, $3) RETURNING id",
        "INSERT INTO audit (order_id, action) VALUES ($1, 'created')",
    ]

    # doc:start sweep
    failures = []
    for number, sql in enumerate(statements, start=1):
        for fault in FAULTS:
            mockpg.reset()
            mockpg.inject_fault(number, fault)
            try:
                order_id = place_order(mockpg)
            except psycopg.Error as error:
                failures.append(f"#{number} {sql} -> {fault}: {error!r}")
                continue
            committed = [entry for entry in mockpg.journal(rule="insert-order") if entry["outcome"] == "committed"]
            if order_id != 1001 or len(committed) != 1:
                failures.append(f"#{number} {sql} -> {fault}: order {order_id}, {len(committed)} committed")
    assert failures == []
    # doc:end sweep


def test_a_cancelled_statement_is_not_retried(mockpg):
    mockpg.inject_fault(1, "QUERY_CANCELED")
    with pytest.raises(psycopg.errors.QueryCanceled) as raised:
        place_order(mockpg)
    assert raised.value.sqlstate == "57014"
    assert len(mockpg.journal(rule="insert-order")) == 1
