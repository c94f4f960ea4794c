"""The order service against mockpg, verified through the admin API's journal."""
from decimal import Decimal

import psycopg
import pytest

import orders


def answered_by(mockpg, rule_id):
    return mockpg.journal(rule=rule_id)


def test_create_order_inserts_the_order_and_its_audit_line_in_one_transaction(mockpg, conn):
    order_id = orders.create_order(conn, 7, Decimal("19.99"), "R-1")

    assert order_id == 1001
    journal = mockpg.journal()
    assert [entry["sql"] for entry in journal] == [
        "BEGIN",
        "INSERT INTO orders (customer_id, amount, reference) VALUES ($1, $2, $3) RETURNING id",
        "INSERT INTO audit (order_id, action) VALUES ($1, 'created')",
        "COMMIT",
    ]
    insert = journal[1]
    assert insert["ruleId"] == "insert-order"
    assert insert["params"] == ["7", "19.99", "R-1"]
    assert insert["protocol"] == "extended"
    assert insert["outcome"] == "committed"
    assert insert["user"] == "app" and insert["database"] == "shop"
    assert journal[2]["params"] == ["1001"]
    assert mockpg.unmatched() == []


def test_a_duplicate_reference_is_reported_and_the_transaction_rolled_back(mockpg, conn):
    with pytest.raises(orders.DuplicateOrder):
        orders.create_order(conn, 7, Decimal("1.00"), "R-DUP")

    [attempt] = answered_by(mockpg, "duplicate-reference")
    assert attempt["outcome"] == "rolled_back"
    assert answered_by(mockpg, "audit") == [], "no audit line for a failed order"
    assert [entry["sql"] for entry in mockpg.journal()][-1] == "ROLLBACK"


def test_find_order_maps_the_row_and_none_for_a_missing_one(mockpg, conn):
    assert orders.find_order(conn, 1001) == orders.Order(1001, 7, Decimal("19.99"), "new")
    assert orders.find_order(conn, 5) is None

    assert [entry["params"] for entry in answered_by(mockpg, "order-by-id")] == [["1001"]]
    assert [entry["params"] for entry in answered_by(mockpg, "no-such-order")] == [["5"]]


def test_orders_for_customer(mockpg, conn):
    found = orders.orders_for_customer(conn, 7)

    assert [order.id for order in found] == [1001, 1002]
    assert found[1].amount == Decimal("5.00")
    [query] = answered_by(mockpg, "orders-of-customer")
    assert query["params"] == ["7"]


def test_cancelling_a_missing_order_raises(mockpg, conn):
    orders.cancel_order(conn, 1001)
    with pytest.raises(orders.OrderNotFound):
        orders.cancel_order(conn, 404)

    assert [entry["outcome"] for entry in answered_by(mockpg, "cancel-order")] == ["committed"]
    # the application raised inside the transaction block, so psycopg rolled it back
    assert [entry["outcome"] for entry in answered_by(mockpg, "cancel-missing-order")] == ["rolled_back"]


def test_import_prices_copies_the_rows_and_the_journal_keeps_the_data(mockpg, conn):
    count = orders.import_prices(conn, [("SKU-1", Decimal("9.50")), ("SKU-2", Decimal("12.00"))])

    assert count == 2
    [copy] = answered_by(mockpg, "load-prices")
    assert copy["copyData"] == "SKU-1\t9.50\nSKU-2\t12.00\n"


def test_an_unscripted_statement_fails_like_a_database_error_and_is_listed_as_unmatched(mockpg, conn):
    with pytest.raises(psycopg.Error) as raised:
        conn.execute("DELETE FROM orders WHERE id = %s", (1,))

    assert raised.value.sqlstate == "MP001"
    assert [entry["sql"] for entry in mockpg.unmatched()] == ["DELETE FROM orders WHERE id = $1"]


def test_rules_added_through_the_admin_api_answer_first(mockpg, conn):
    status, _ = mockpg.add_rules("""
rules:
  - id: order-on-hold
    match:
      sql: SELECT id, customer_id, amount, status FROM orders WHERE id = $1
    respond:
      columns: [{id: int8}, {customer_id: int4}, {amount: numeric}, {status: text}]
      rows: [[1001, 7, "19.99", on_hold]]
""")
    assert status == 201
    assert orders.find_order(conn, 1001).status == "on_hold"

    status, body = mockpg.add_rules("rules:\n  - id: broken\n    mach: {sql: SELECT 1}\n")
    assert status == 400
    assert body["errors"][0].startswith("3:5: unknown key 'mach'")


def test_a_notification_from_the_admin_api_reaches_a_listening_connection(mockpg, conn):
    conn.execute("LISTEN order_events")
    mockpg.notify("order_events", "1001 shipped")

    received = next(conn.notifies(timeout=10))
    assert (received.channel, received.payload) == ("order_events", "1001 shipped")


def test_rules_report_how_often_they_answered(mockpg, conn):
    orders.find_order(conn, 1001)
    orders.find_order(conn, 1001)

    answered = {rule["id"]: rule["answered"] for rule in mockpg.rules()}
    assert answered["order-by-id"] == 2
    assert answered["insert-order"] == 0
