"""A small order service: the application code that the tests exercise against mockpg.

It only needs a psycopg 3 connection; in production that connection goes to PostgreSQL.
"""
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Optional

import psycopg


class OrderNotFound(Exception):
    """No order has the given id."""


class DuplicateOrder(Exception):
    """An order with the same reference exists already."""


@dataclass(frozen=True)
class Order:
    id: int
    customer_id: int
    amount: Decimal
    status: str


def create_order(conn: psycopg.Connection, customer_id: int, amount: Decimal, reference: str) -> int:
    """Inserts an order and its audit line in one transaction; returns the new order id."""
    try:
        with conn.transaction():
            row = conn.execute(
                "INSERT INTO orders (customer_id, amount, reference) VALUES (%s, %s, %s) RETURNING id",
                (customer_id, amount, reference),
            ).fetchone()
            conn.execute("INSERT INTO audit (order_id, action) VALUES (%s, 'created')", (row[0],))
    except psycopg.errors.UniqueViolation as e:
        raise DuplicateOrder(reference) from e
    return row[0]


def create_order_retrying(connect: Callable[[], psycopg.Connection], customer_id: int, amount: Decimal,
                          reference: str, attempts: int = 3) -> int:
    """create_order on a fresh connection, run again after a failure that rolled the transaction
    back: a serialization failure, a deadlock, an administrator's shutdown, a lost connection.
    A cancelled statement was meant to stop, so it is not retried."""
    for attempt in range(1, attempts + 1):
        try:
            with connect() as conn:
                return create_order(conn, customer_id, amount, reference)
        except psycopg.errors.QueryCanceled:
            raise
        except psycopg.OperationalError:
            if attempt == attempts:
                raise


def find_order(conn: psycopg.Connection, order_id: int) -> Optional[Order]:
    row = conn.execute(
        "SELECT id, customer_id, amount, status FROM orders WHERE id = %s", (order_id,)
    ).fetchone()
    return Order(*row) if row else None


def orders_for_customer(conn: psycopg.Connection, customer_id: int) -> list:
    rows = conn.execute(
        "SELECT id, customer_id, amount, status FROM orders WHERE customer_id = %s ORDER BY id",
        (customer_id,),
    ).fetchall()
    return [Order(*row) for row in rows]


def cancel_order(conn: psycopg.Connection, order_id: int) -> None:
    with conn.transaction():
        cursor = conn.execute("UPDATE orders SET status = 'cancelled' WHERE id = %s", (order_id,))
        if cursor.rowcount == 0:
            raise OrderNotFound(order_id)


def import_prices(conn: psycopg.Connection, prices: Iterable[tuple]) -> int:
    """Bulk-loads (sku, price) pairs with COPY; returns how many rows the server took."""
    with conn.cursor() as cursor:
        with cursor.copy("COPY prices (sku, price) FROM STDIN") as copy:
            for sku, price in prices:
                copy.write_row((sku, price))
        return cursor.rowcount
