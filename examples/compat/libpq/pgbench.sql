\set id random(1, 1000)
SELECT id, name FROM compat_bench WHERE id = :id;
