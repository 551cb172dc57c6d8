"""A project's original language and its texts in other languages, each with its history.

A translation is keyed by what the text is (subject, quarter, code, field) and its language,
by natural codes as in the records: no foreign key to the result or indicator, so a text
and its translations travel together in a project file.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from logframe.domain.records import TextSubject

LANGUAGE_HELP = "A language tag as IATI's xml:lang takes it: en, ar, ckb, pt-BR"


class ProjectLanguage(models.Model):
    """The language a project's texts are written in (a project without a row is English)
    and the other languages it is kept in (its translations may name others too)."""

    project = models.OneToOneField(
        "portfolio.Project", on_delete=models.CASCADE, related_name="content_language"
    )
    language = models.CharField(max_length=35, default="en", help_text=LANGUAGE_HELP)
    languages = models.CharField(
        max_length=400, blank=True, help_text="the other languages, space-separated: ar ckb"
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.project_id}: {self.language} {self.languages}".strip()

    @property
    def kept_in(self) -> tuple[str, ...]:
        """The other languages the project is kept in, in order."""
        return tuple(self.languages.split())


class ContentTranslation(models.Model):
    """One text of a project in one other language."""

    project = models.ForeignKey(
        "portfolio.Project", on_delete=models.CASCADE, related_name="translations"
    )
    subject = models.CharField(max_length=16, choices=[(s.value, s.value) for s in TextSubject])
    quarter = models.CharField(max_length=6, blank=True, help_text="2013Q1, for a period's texts")
    code = models.CharField(max_length=50, blank=True, help_text="the result's, indicator's code")
    field = models.CharField(max_length=32)
    language = models.CharField(max_length=35, help_text=LANGUAGE_HELP)
    text = models.TextField(help_text="plain text, or sanitised HTML for rich-text fields")
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project_id", "subject", "quarter", "code", "field", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "subject", "quarter", "code", "field", "language"],
                name="one_translation_per_text_and_language",
            )
        ]

    def __str__(self) -> str:
        where = "/".join(x for x in (self.subject, self.quarter, self.code, self.field) if x)
        return f"{where} [{self.language}]"
