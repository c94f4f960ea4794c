// Framework compatibility suite (examples/compat/frameworks): the library application's
// statements written with Knex on node-postgres, asserted as Knex decodes them. Run against
// mockpg with frameworks/knex.yaml and against the real PostgreSQL with frameworks/schema.sql.
//   node knex-app.mjs --port 5432 [--host --user --password --database]
import knex from 'knex';
import { frameworkConnection, Reporter } from './common.mjs';

const reporter = new Reporter('knex');
const db = knex({ client: 'pg', connection: frameworkConnection(), pool: { min: 0, max: 2 } });

function same(actual, expected) {
  const a = JSON.stringify(actual);
  return [a === JSON.stringify(expected), a];
}

try {
  await reporter.run('query_builder', async () => same(
    await db('book').select('title', 'price').where('price', '>', 5).orderBy('price', 'desc').limit(2),
    [{ title: 'Ulysses', price: '12.00' }, { title: 'Dune', price: '9.99' }]));

  await reporter.run('insert_returning', async () => same(
    await db('tag').insert({ name: 'knex' }).returning(['id', 'name']), [{ id: '2', name: 'knex' }]));

  await reporter.run('transaction_rollback', async () => {
    let refused = null;
    try {
      await db.transaction(async (trx) => {
        await trx('note').insert({ body: 'draft', stars: 1 });
        throw new Error('draft abandoned');
      });
    } catch (error) {
      refused = error.message;
    }
    const [{ n }] = await db('note').count('* as n').where({ body: 'draft' });
    return [refused === 'draft abandoned' && n === '0', `${refused}, ${n} drafts kept`];
  });

  await reporter.run('unique_violation', async () => {
    try {
      await db('tag').insert({ name: 'fiction' });
      return [false, 'no error'];
    } catch (error) {
      return [error.code === '23505' && error.constraint === 'tag_name_key', `${error.code} ${error.constraint}`];
    }
  });
} finally {
  await db.destroy();
  reporter.exit();
}
