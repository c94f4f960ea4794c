-- The compatibility conversation's tables in a real PostgreSQL, for the differential suite
-- (differential.sh): what compat.yaml scripts, held by a real database. Idempotent: it
-- recreates the tables and their rows each time, as user app in database compat.
DROP TABLE IF EXISTS compat_types, compat_items, compat_series, compat_accounts, compat_bench;

CREATE TABLE compat_types (
    id int4, c_bool bool, c_int2 int2, c_int4 int4, c_int8 int8, c_float4 float4, c_float8 float8,
    c_numeric numeric, c_text text, c_varchar varchar, c_bpchar bpchar, c_name name, c_bytea bytea,
    c_date date, c_time time, c_timetz timetz, c_timestamp timestamp, c_timestamptz timestamptz,
    c_interval interval, c_uuid uuid, c_json json, c_jsonb jsonb, c_oid oid, c_inet inet,
    c_int4_array int4[], c_text_array text[]);
INSERT INTO compat_types VALUES
    (1, true, -32768, 2147483647, 9223372036854775807, 1.5, 3.141592653589793, 12345.6789,
     'héllo wörld', 'varchar value', 'abc', 'compat_name', '\xdeadbeef', '2024-02-29',
     '13:45:30.123456', '13:45:30+02', '2024-02-29 13:45:30.123456', '2024-02-29 13:45:30.123456+00',
     '1 year 2 mons 3 days 04:05:06.5', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
     '{"a": 1, "b": [true, null]}', '{"a": 1, "b": [true, null]}', 3000000000, '192.168.0.1',
     '{1,NULL,3}', '{alpha,"with space",NULL}'),
    (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);

CREATE TABLE compat_items (id int4 CONSTRAINT compat_items_pkey PRIMARY KEY, name text);
INSERT INTO compat_items VALUES (2, 'existing');
-- every client inserts item 1: the earlier client's row gives way, so each insert succeeds
CREATE OR REPLACE FUNCTION compat_items_replace() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN DELETE FROM compat_items WHERE id = NEW.id AND NEW.id = 1; RETURN NEW; END $$;
CREATE TRIGGER compat_items_replace BEFORE INSERT ON compat_items
    FOR EACH ROW EXECUTE FUNCTION compat_items_replace();

CREATE TABLE compat_series (n int4, label text);
INSERT INTO compat_series SELECT n, 'row-' || n FROM generate_series(1, 10000) n;

CREATE TABLE compat_accounts (id int4 PRIMARY KEY, balance int8);
INSERT INTO compat_accounts VALUES (7, 100);

CREATE TABLE compat_bench (id int4 PRIMARY KEY, name text);
INSERT INTO compat_bench SELECT id, 'item-' || id FROM generate_series(1, 1000) id;
