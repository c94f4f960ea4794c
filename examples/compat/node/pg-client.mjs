// node-postgres (pg) against the compatibility script, with its default settings:
// extended protocol with unnamed statements and text results.
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { ACCOUNT, ARRAYS, Reporter, SCALARS, compare, typedRow, connection, seriesSummary } from './common.mjs';

const version = JSON.parse(readFileSync(new URL('./node_modules/pg/package.json', import.meta.url))).version;
const reporter = new Reporter('node-pg');
const client = new pg.Client(connection());
const state = {};

async function expectError(sql, params) {
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return error;
  }
}

const balance = async () => (await client.query('SELECT balance FROM compat_accounts WHERE id = $1', [ACCOUNT])).rows[0].balance;

const checks = {
  async types() {
    const result = await client.query('SELECT * FROM compat_types WHERE id = $1', [1]);
    state.rows = result.rows;
    const names = result.fields.map((field) => field.name);
    const wanted = [...Object.keys(SCALARS), ...Object.keys(ARRAYS)];
    return typedRow(names, wanted, SCALARS, result.rows[0]);
  },
  async arrays() {
    return compare(ARRAYS, state.rows[0]);
  },
  async nulls() {
    const rows = state.rows;
    return [rows.length === 2 && Object.values(rows[1]).every((value) => value === null), `${rows.length} rows`];
  },
  async insert() {
    const result = await client.query('INSERT INTO compat_items (id, name) VALUES ($1, $2)', [1, 'widget']);
    return [result.command === 'INSERT' && result.rowCount === 1, `${result.command} ${result.rowCount}`];
  },
  async unique() {
    const error = await expectError('INSERT INTO compat_items (id, name) VALUES ($1, $2)', [2, 'dup']);
    return [error?.code === '23505' && error.constraint === 'compat_items_pkey', `${error?.code} ${error?.constraint}`];
  },
  async stream() {
    return seriesSummary((await client.query('SELECT n, label FROM compat_series ORDER BY n')).rows);
  },
  async rollback() {
    await client.query('BEGIN');
    const debited = (await client.query('UPDATE compat_accounts SET balance = balance - 10 WHERE id = $1', [ACCOUNT])).rowCount;
    const inside = await balance();
    await client.query('ROLLBACK');
    const after = await balance();
    return [debited === 1 && inside === '90' && after === '100', `debit ${debited}, in transaction ${inside}, after rollback ${after}`];
  },
  async commit() {
    await client.query('BEGIN');
    const debited = (await client.query('UPDATE compat_accounts SET balance = balance - 10 WHERE id = $1', [ACCOUNT])).rowCount;
    await client.query('COMMIT');
    const after = await balance();
    const refunded = (await client.query('UPDATE compat_accounts SET balance = balance + 10 WHERE id = $1', [ACCOUNT])).rowCount;
    const restored = await balance();
    const ok = debited === 1 && after === '90' && refunded === 1 && restored === '100';
    return [ok, `debit ${debited}, after commit ${after}, refund ${refunded}, then ${restored}`];
  },
  async unmatched() {
    const error = await expectError('SELECT * FROM compat_itemz WHERE id = $1', [1]);
    const ok = error?.code === 'MP001' && error.message.includes('no rule matches')
      && (error.detail ?? '').includes('closest rule "all-types"');
    return [ok, `${error?.code} ${error?.message}`];
  },
  async set_show() {
    await client.query("SET application_name = 'compat-node-pg'");
    const shown = (await client.query('SHOW application_name')).rows[0].application_name;
    return [shown === 'compat-node-pg', `SHOW ${shown}`];
  },
};

if (await reporter.run('login', async () => {
  await client.connect();
  const server = (await client.query('SHOW server_version')).rows[0].server_version;
  return [server === '16.4', `pg ${version}, server ${server}`];
})) {
  for (const [name, body] of Object.entries(checks)) await reporter.run(name, body);
  await client.end();
}
reporter.exit();
