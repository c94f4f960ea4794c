-- The database PriceListTest records its script from (docs/recording.md):
--   createdb -O app_md5 pricelist && psql -d pricelist -U app_md5 -f examples/src/test/resources/recorded/price-list.sql
DROP TABLE IF EXISTS products;
CREATE TABLE products (id int4 PRIMARY KEY, name text NOT NULL, price numeric(8,2) NOT NULL, tags text[] NOT NULL);
INSERT INTO products VALUES
  (1, 'apple', 0.45, '{fruit,fresh}'),
  (2, 'bread', 2.10, '{bakery}'),
  (3, 'cheese', 6.90, '{dairy,"aged 12 months"}');
