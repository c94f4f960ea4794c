// postgres (porsager/postgres) against the compatibility script, with its default settings:
// named prepared statements, type fetching at connect, cursors read with Execute row limits.
import postgres from 'postgres';
import { readFileSync } from 'node:fs';
import { ACCOUNT, ARRAYS, Reporter, SCALARS, compare, connection, seriesSummary } from './common.mjs';

const version = JSON.parse(readFileSync(new URL('./node_modules/postgres/package.json', import.meta.url))).version;
const reporter = new Reporter('node-postgres');
const { user, ...rest } = connection();
// one connection, so that SET and SHOW meet on the same session
const sql = postgres({ ...rest, username: user, max: 1, onnotice: () => {} });
const state = {};

// What postgres decodes differently from node-postgres, as it does from PostgreSQL 15: the
// interval stays text, and NULL array elements of a text-format array come back as NaN / 'NULL'.
const EXPECTED_SCALARS = { ...SCALARS, c_interval: '1 year 2 mons 3 days 04:05:06.5' };
const EXPECTED_ARRAYS = { c_int4_array: [1, NaN, 3], c_text_array: ['alpha', 'with space', 'NULL'] };

async function expectError(query) {
  try {
    await query;
    return null;
  } catch (error) {
    return error;
  }
}

const balance = async (tx = sql) => (await tx`SELECT balance FROM compat_accounts WHERE id = ${ACCOUNT}`)[0].balance;
const ROLLBACK_MARKER = new Error('roll back');

const checks = {
  async types() {
    const rows = await sql`SELECT * FROM compat_types WHERE id = ${1}`;
    state.rows = rows;
    const names = rows.columns.map((column) => column.name);
    const wanted = [...Object.keys(SCALARS), ...Object.keys(ARRAYS)];
    if (names.join() !== wanted.join()) return [false, `columns ${names}`];
    return compare(EXPECTED_SCALARS, rows[0]);
  },
  async arrays() {
    return compare(EXPECTED_ARRAYS, state.rows[0]);
  },
  async nulls() {
    const rows = state.rows;
    return [rows.length === 2 && Object.values(rows[1]).every((value) => value === null), `${rows.length} rows`];
  },
  async insert() {
    const result = await sql`INSERT INTO compat_items (id, name) VALUES (${1}, ${'widget'})`;
    return [result.command === 'INSERT' && result.count === 1, `${result.command} ${result.count}`];
  },
  async unique() {
    const error = await expectError(sql`INSERT INTO compat_items (id, name) VALUES (${2}, ${'dup'})`);
    return [error?.code === '23505' && error.constraint_name === 'compat_items_pkey',
      `${error?.code} ${error?.constraint_name}`];
  },
  async stream() {
    const rows = [];
    let batches = 0;
    // a cursor is a portal read with Execute row limits (PortalSuspended in between); the driver
    // reads the last Execute's CommandComplete count, so a count of the whole portal (not of that
    // Execute, as PostgreSQL sends) yields an eleventh, empty batch
    for await (const batch of sql`SELECT n, label FROM compat_series ORDER BY n`.cursor(1000)) {
      batches++;
      rows.push(...batch);
    }
    const [ok, summary] = seriesSummary(rows);
    return [ok && batches === 10, `${summary}, ${batches} batches`];
  },
  async rollback() {
    let debited;
    let inside;
    const error = await expectError(sql.begin(async (tx) => {
      debited = (await tx`UPDATE compat_accounts SET balance = balance - 10 WHERE id = ${ACCOUNT}`).count;
      inside = await balance(tx);
      throw ROLLBACK_MARKER;
    }));
    const after = await balance();
    const ok = error === ROLLBACK_MARKER && debited === 1 && inside === '90' && after === '100';
    return [ok, `debit ${debited}, in transaction ${inside}, after rollback ${after}`];
  },
  async commit() {
    const debited = await sql.begin(async (tx) =>
      (await tx`UPDATE compat_accounts SET balance = balance - 10 WHERE id = ${ACCOUNT}`).count);
    const after = await balance();
    const refunded = (await sql`UPDATE compat_accounts SET balance = balance + 10 WHERE id = ${ACCOUNT}`).count;
    const restored = await balance();
    const ok = debited === 1 && after === '90' && refunded === 1 && restored === '100';
    return [ok, `debit ${debited}, after commit ${after}, refund ${refunded}, then ${restored}`];
  },
  async unmatched() {
    const error = await expectError(sql`SELECT * FROM compat_itemz WHERE id = ${1}`);
    const ok = error?.code === 'MP001' && error.message.includes('no rule matches')
      && (error.detail ?? '').includes('closest rule "all-types"');
    return [ok, `${error?.code} ${error?.message}`];
  },
  async set_show() {
    await sql.unsafe("SET application_name = 'compat-node-postgres'");
    const shown = (await sql`SHOW application_name`)[0].application_name;
    const reported = sql.parameters.application_name;
    return [shown === 'compat-node-postgres' && reported === shown, `SHOW ${shown}, ParameterStatus ${reported}`];
  },
};

if (await reporter.run('login', async () => {
  const server = (await sql`SHOW server_version`)[0].server_version;
  return [server === '16.4', `postgres ${version}, server ${server}`];
})) {
  for (const [name, body] of Object.entries(checks)) await reporter.run(name, body);
}
await sql.end();
reporter.exit();
