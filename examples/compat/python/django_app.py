"""Framework compatibility suite (examples/compat/frameworks): the library application in
Django's ORM on psycopg 3, asserted as Django decodes it. Run against mockpg with
frameworks/django.yaml and against the real PostgreSQL with frameworks/schema.sql.

    python django_app.py --port 5432 [--host --user --password --database]
"""

import decimal

import django
from django.conf import settings

from compat_common import Reporter, framework_arguments


def configure(args):
    settings.configure(
        INSTALLED_APPS=["django_library"],
        USE_TZ=True,
        TIME_ZONE="UTC",
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        DATABASES={"default": {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": args.host, "PORT": args.port, "NAME": args.database,
            "USER": args.user, "PASSWORD": args.password,
        }},
    )
    django.setup()


def main():
    args = framework_arguments(__doc__)
    configure(args)
    from django.db import IntegrityError, connection, transaction
    from django_library.models import Book, Note, Tag
    reporter = Reporter("django")

    def queryset():
        books = list(Book.objects.filter(price__gt=5).order_by("-price")[:2])
        seen = [(book.id, book.title, book.price) for book in books]
        want = [(3, "Ulysses", decimal.Decimal("12.00")), (1, "Dune", decimal.Decimal("9.99"))]
        return seen == want, repr(seen)

    def create_returning():
        tag = Tag.objects.create(name="django")
        return tag.id == 2, f"id {tag.id}"

    def atomic_rollback():
        refused = None
        try:
            with transaction.atomic():
                Note.objects.create(body="draft", stars=1)
                raise RuntimeError("draft abandoned")
        except RuntimeError as error:
            refused = str(error)
        kept = Note.objects.filter(body="draft").count()
        return refused == "draft abandoned" and kept == 0, f"{refused}, {kept} kept"

    def unique_violation():
        try:
            with transaction.atomic():
                Tag.objects.create(name="fiction")
            return False, "no error"
        except IntegrityError as error:
            cause = error.__cause__
            return (cause.sqlstate == "23505" and cause.diag.constraint_name == "tag_name_key",
                    f"{cause.sqlstate} {cause.diag.constraint_name}")

    def values_list():
        stars = list(Note.objects.filter(stars__gte=2).order_by("stars").values_list("body", "stars"))
        return stars == [("slow start", 2), ("a classic", 5)], repr(stars)

    try:
        reporter.run("queryset", queryset)
        reporter.run("create_returning", create_returning)
        reporter.run("atomic_rollback", atomic_rollback)
        reporter.run("unique_violation", unique_violation)
        reporter.run("values_list", values_list)
    finally:
        connection.close()
    reporter.exit()


if __name__ == "__main__":
    main()
