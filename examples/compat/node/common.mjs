// Shared parts of the Node.js clients of the compatibility suite: the CHECK line reporter,
// the expected decoded values of the all-types row, and the 10,000-row summary.
import { isDeepStrictEqual, inspect } from 'node:util';

// Dates are decoded in the process time zone: fix it so expectations hold on any machine.
process.env.TZ = 'UTC';

export const ACCOUNT = 7;

export function arg(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
}

export function connection() {
  return { host: arg('host', '127.0.0.1'), port: Number(arg('port')), user: 'app', password: 's3cret', database: 'compat' };
}

/** The framework suite's database: mockpg or the real PostgreSQL, named on the command line. */
export function frameworkConnection() {
  return { host: arg('host', '127.0.0.1'), port: Number(arg('port')), user: arg('user', 'app'),
           password: arg('password', 'app-secret'), database: arg('database', 'frameworks') };
}

// The all-types row as node-postgres and postgres decode it from PostgreSQL 15.
export const SCALARS = {
  c_bool: true,
  c_int2: -32768,
  c_int4: 2147483647,
  c_int8: '9223372036854775807',
  c_float4: 1.5,
  c_float8: 3.141592653589793,
  c_numeric: '12345.6789',
  c_text: 'héllo wörld',
  c_varchar: 'varchar value',
  c_bpchar: 'abc',
  c_name: 'compat_name',
  c_bytea: Buffer.from([0xde, 0xad, 0xbe, 0xef]),
  c_date: new Date('2024-02-29T00:00:00.000Z'),
  c_time: '13:45:30.123456',
  c_timetz: '13:45:30+02',
  c_timestamp: new Date('2024-02-29T13:45:30.123Z'),
  c_timestamptz: new Date('2024-02-29T13:45:30.123Z'),
  c_interval: { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6, milliseconds: 500 },
  c_uuid: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  c_json: { a: 1, b: [true, null] },
  c_jsonb: { a: 1, b: [true, null] },
  c_oid: 3000000000,
  c_inet: '192.168.0.1',
};
export const ARRAYS = {
  c_int4_array: [1, null, 3],
  c_text_array: ['alpha', 'with space', null],
};

/** Prints `CHECK <client> <check> PASS|FAIL <detail>` lines; failures set the exit code. */
export class Reporter {
  constructor(client) {
    this.client = client;
    this.failed = 0;
  }

  report(check, ok, detail = '') {
    if (!ok) this.failed++;
    const text = String(detail).replace(/\s+/g, ' ').trim();
    console.log(`CHECK ${this.client} ${check} ${ok ? 'PASS' : 'FAIL'} ${text}`.trimEnd());
  }

  async run(check, body) {
    let ok;
    let detail;
    try {
      [ok, detail] = await body();
    } catch (error) {
      ok = false;
      detail = `${error.name}: ${error.message}`;
    }
    this.report(check, ok, detail);
    return ok;
  }

  exit() {
    process.exitCode = this.failed ? 1 : 0;
  }
}

/** Class instances (node-postgres' PostgresInterval) compare by their own fields. */
function plain(value) {
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)
      || Array.isArray(value)) {
    return value;
  }
  return { ...value };
}

export function compare(expected, actual) {
  const wrong = Object.entries(expected)
    .filter(([name, want]) => !isDeepStrictEqual(plain(actual[name]), plain(want)))
    .map(([name, want]) => `${name}=${inspect(actual[name])}(want ${inspect(want)})`);
  return [wrong.length === 0, wrong.length ? wrong.join('; ') : `${Object.keys(expected).length} values`];
}

export function seriesSummary(rows) {
  let count = 0;
  let total = 0;
  let last = null;
  for (const row of rows) {
    count++;
    total += row.n;
    last = [row.n, row.label];
    if (row.label !== `row-${row.n}`) return [false, `row ${count}: ${row.n}, ${row.label}`];
  }
  const ok = count === 10000 && total === 50005000 && last[0] === 10000 && last[1] === 'row-10000';
  return [ok, `${count} rows, sum ${total}, last ${last}`];
}
