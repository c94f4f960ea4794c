-- The schema that examples/scripts/shop.yaml answers for: a test checks the script against it
-- in a real PostgreSQL (mockpg check, docs/checking.md), so the example cannot drift from it.
CREATE TABLE customers (
    id          int4 PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL UNIQUE,
    active      bool NOT NULL DEFAULT true,
    last_login  timestamptz
);

CREATE TABLE products (
    id           int4 PRIMARY KEY,
    sku          varchar(20) NOT NULL UNIQUE,
    name         text NOT NULL,
    price        numeric(10, 2) NOT NULL,
    in_stock     bool NOT NULL,
    weight_kg    float8,
    rating       float4,
    stock        int8 NOT NULL,
    tags         text[] NOT NULL DEFAULT '{}',
    sizes        int4[],
    attributes   jsonb,
    dimensions   json,
    thumbnail    bytea,
    created_at   timestamptz NOT NULL,
    release_date date,
    public_id    uuid NOT NULL
);

CREATE TABLE orders (
    id          int8 PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
    customer_id int4 NOT NULL REFERENCES customers,
    amount      numeric(10, 2) NOT NULL
);

CREATE TABLE order_history (
    id    int8 PRIMARY KEY,
    label text NOT NULL
);

CREATE TABLE inventory (
    product_id int4 PRIMARY KEY REFERENCES products,
    stock      int4 NOT NULL
);

CREATE TABLE coupons (
    code  text PRIMARY KEY,
    valid bool NOT NULL
);

CREATE TABLE cart_items (
    customer_id int4 NOT NULL REFERENCES customers,
    product_id  int4 NOT NULL REFERENCES products,
    quantity    int4 NOT NULL,
    PRIMARY KEY (customer_id, product_id)
);

CREATE TABLE exports (
    id int4 PRIMARY KEY
);
