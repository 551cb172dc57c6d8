"""The data versions the rendered-page cache keys on."""

from __future__ import annotations

from django.db import models


class PageVersion(models.Model):
    """A counter moved by database triggers (``pagecache.versions``) on every write.

    ``key`` is ``"global"``, ``"fund:<id>"`` or ``"project:<id>"``; a missing row is version
    0. Never written by Django: only the triggers insert and update these rows.
    """

    key = models.CharField(max_length=40, primary_key=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}={self.version}"
