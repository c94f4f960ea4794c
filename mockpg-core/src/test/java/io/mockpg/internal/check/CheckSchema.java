package io.mockpg.internal.check;

import io.mockpg.testing.OwnDatabase;

/** The database {@code checkdb} the check's tests describe statements in, and its schema. */
final class CheckSchema {
    static final String DDL = """
            DROP TABLE IF EXISTS orders, customers;
            DROP TYPE IF EXISTS order_status;
            CREATE TYPE order_status AS ENUM ('new', 'shipped');
            CREATE TABLE customers (id int4 PRIMARY KEY, name text NOT NULL, email varchar(200) NOT NULL,
                                    created_at timestamptz);
            CREATE TABLE orders (id int8 PRIMARY KEY, customer_id int4 NOT NULL REFERENCES customers,
                                 amount numeric(10,2) NOT NULL, status order_status NOT NULL DEFAULT 'new');
            """;

    private static String url;

    private CheckSchema() {
    }

    /** The URL of {@code app} on checkdb, the schema in place. */
    static synchronized String url() {
        if (url == null) {
            url = OwnDatabase.prepare("checkdb", DDL);
        }
        return url;
    }
}
