"""The library's tables as Django models; the schema is frameworks/schema.sql, not migrations."""

from django.db import models


class Book(models.Model):
    id = models.BigAutoField(primary_key=True)
    title = models.TextField()
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        db_table = "book"
        managed = False


class Note(models.Model):
    id = models.BigAutoField(primary_key=True)
    body = models.TextField()
    stars = models.IntegerField()

    class Meta:
        db_table = "note"
        managed = False


class Tag(models.Model):
    id = models.BigAutoField(primary_key=True)
    name = models.TextField(unique=True)

    class Meta:
        db_table = "tag"
        managed = False
