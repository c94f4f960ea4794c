"""Framework compatibility suite (examples/compat/frameworks): the library application in
SQLAlchemy 2 (ORM and Core) on psycopg 3, asserted as SQLAlchemy decodes it. Run against mockpg
with frameworks/sqlalchemy.yaml and against the real PostgreSQL with frameworks/schema.sql.

    python sqlalchemy_app.py --port 5432 [--host --user --password --database]
"""

import datetime
import decimal

from sqlalchemy import BigInteger, Date, Identity, Numeric, Sequence, String, create_engine, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from compat_common import Reporter, framework_arguments


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "author"
    id: Mapped[int] = mapped_column(BigInteger, Sequence("author_seq", increment=50), primary_key=True)
    name: Mapped[str] = mapped_column(String)
    born: Mapped[datetime.date] = mapped_column(Date)


class Book(Base):
    __tablename__ = "book"
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    title: Mapped[str] = mapped_column(String)
    price: Mapped[decimal.Decimal] = mapped_column(Numeric(8, 2))


def main():
    args = framework_arguments(__doc__)
    url = URL.create("postgresql+psycopg", username=args.user, password=args.password, host=args.host,
                     port=args.port, database=args.database)
    engine = create_engine(url)
    reporter = Reporter("sqlalchemy")

    def orm_query():
        with Session(engine) as session:
            books = session.scalars(select(Book).where(Book.price > 5).order_by(Book.price.desc()).limit(2)).all()
            seen = [(book.id, book.title, book.price) for book in books]
        want = [(3, "Ulysses", decimal.Decimal("12.00")), (1, "Dune", decimal.Decimal("9.99"))]
        return seen == want, repr(seen)

    def orm_sequence_id():
        with Session(engine) as session:
            ada = Author(name="Ada Lovelace", born=datetime.date(1815, 12, 10))
            session.add(ada)
            session.commit()
            ada_id = ada.id
        with Session(engine) as session:
            found = session.scalars(select(Author).where(Author.name == "Ada Lovelace")).one()
            return (ada_id == 1 and found.id == 1 and found.born == datetime.date(1815, 12, 10),
                    f"{ada_id} {found.id} {found.born}")

    def orm_identity_id():
        with Session(engine) as session:
            book = Book(title="Middlemarch", price=decimal.Decimal("11.50"))
            session.add(book)
            session.commit()
            return book.id == 5, f"id {book.id}"

    def rollback():
        with Session(engine) as session:
            session.add(Author(name="Bram Stoker", born=datetime.date(1847, 11, 8)))
            session.flush()
            session.rollback()
            kept = session.scalar(select(func.count()).select_from(Author).where(Author.name == "Bram Stoker"))
        return kept == 0, f"{kept} kept"

    def unique_violation():
        with Session(engine) as session:
            session.add(Author(name="Ada Lovelace", born=datetime.date(1815, 12, 10)))
            try:
                session.commit()
                return False, "no error"
            except IntegrityError as error:
                diag = error.orig.diag
                return (error.orig.sqlstate == "23505" and diag.constraint_name == "author_name_key",
                        f"{error.orig.sqlstate} {diag.constraint_name}")

    def core_select():
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT title, price FROM book WHERE price < :limit ORDER BY price"),
                                      {"limit": 8}).all()
        seen = [tuple(row) for row in rows]
        return seen == [("Emma", decimal.Decimal("4.50")), ("Walden", decimal.Decimal("7.25"))], repr(seen)

    try:
        reporter.run("orm_query", orm_query)
        reporter.run("orm_sequence_id", orm_sequence_id)
        reporter.run("orm_identity_id", orm_identity_id)
        reporter.run("rollback", rollback)
        reporter.run("unique_violation", unique_violation)
        reporter.run("core_select", core_select)
    finally:
        engine.dispose()
    reporter.exit()


if __name__ == "__main__":
    main()
