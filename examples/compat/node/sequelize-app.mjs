// Framework compatibility suite (examples/compat/frameworks): the library application's
// models in Sequelize on node-postgres, asserted as Sequelize decodes them. Run against mockpg
// with frameworks/sequelize.yaml and against the real PostgreSQL with frameworks/schema.sql.
//   node sequelize-app.mjs --port 5432 [--host --user --password --database]
import { DataTypes, Op, Sequelize, UniqueConstraintError } from 'sequelize';
import { frameworkConnection, Reporter } from './common.mjs';

const reporter = new Reporter('sequelize');
const { host, port, user, password, database } = frameworkConnection();
const sequelize = new Sequelize(database, user, password, { host, port, dialect: 'postgres', logging: false });
const bare = { timestamps: false, freezeTableName: true };
const Book = sequelize.define('book', {
  id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
  title: DataTypes.TEXT,
  price: DataTypes.DECIMAL(8, 2),
}, bare);
const Note = sequelize.define('note', {
  id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
  body: DataTypes.TEXT,
  stars: DataTypes.INTEGER,
}, bare);
const Tag = sequelize.define('tag', {
  id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
  name: { type: DataTypes.TEXT, unique: true },
}, bare);

try {
  await reporter.run('authenticate', async () => {
    await sequelize.authenticate();
    return [true, 'connected'];
  });

  await reporter.run('find_all', async () => {
    const books = await Book.findAll({ where: { price: { [Op.gt]: 5 } }, order: [['price', 'DESC']], limit: 2 });
    const seen = JSON.stringify(books.map((book) => [book.id, book.title, book.price]));
    return [seen === JSON.stringify([['3', 'Ulysses', '12.00'], ['1', 'Dune', '9.99']]), seen];
  });

  await reporter.run('create_returning', async () => {
    const tag = await Tag.create({ name: 'sequelize' });
    return [tag.id === '2' && tag.name === 'sequelize', `${tag.id} ${tag.name}`];
  });

  await reporter.run('transaction_rollback', async () => {
    let refused = null;
    try {
      await sequelize.transaction(async (transaction) => {
        await Note.create({ body: 'draft', stars: 1 }, { transaction });
        throw new Error('draft abandoned');
      });
    } catch (error) {
      refused = error.message;
    }
    const kept = await Note.count({ where: { body: 'draft' } });
    return [refused === 'draft abandoned' && kept === 0, `${refused}, ${kept} drafts kept`];
  });

  await reporter.run('unique_violation', async () => {
    try {
      await Tag.create({ name: 'fiction' });
      return [false, 'no error'];
    } catch (error) {
      const ok = error instanceof UniqueConstraintError && error.parent.code === '23505'
        && error.parent.constraint === 'tag_name_key';
      return [ok, `${error.name} ${error.parent && error.parent.code}`];
    }
  });
} finally {
  await sequelize.close();
  reporter.exit();
}
