"""Each quarter's indicator figures stored beside its findings' counts, and the activity
register's tables made to move the counts' revision like the tables of 0008."""

from typing import Any

from django.db import migrations, models

from logframe.portfolio.migrations._triggers_0008 import TRIGGERS as TRIGGERS_0008
from logframe.portfolio.migrations._triggers_0010 import TRIGGERS


def create_triggers(apps: Any, schema_editor: Any) -> None:
    """Every write to the register moves the revision of its project's quarters."""
    _run(TRIGGERS[schema_editor.connection.vendor][0], schema_editor)


def drop_triggers(apps: Any, schema_editor: Any) -> None:
    _run(TRIGGERS[schema_editor.connection.vendor][1], schema_editor)


def create_triggers_0008(apps: Any, schema_editor: Any) -> None:
    _run(TRIGGERS_0008[schema_editor.connection.vendor][0], schema_editor)


def drop_triggers_0008(apps: Any, schema_editor: Any) -> None:
    """SQLite adds these columns by copying the table, which its triggers would forbid:
    they are dropped for the copy and made again after it."""
    _run(TRIGGERS_0008[schema_editor.connection.vendor][1], schema_editor)


def _run(statements: tuple[str, ...], schema_editor: Any) -> None:
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0009_snapshot_checksum"),
        ("activities", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(drop_triggers_0008, create_triggers_0008),
        migrations.AddField(
            model_name="findingcount",
            name="indicators",
            field=models.PositiveIntegerField(default=0, help_text="Indicators with a value"),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="scored",
            field=models.PositiveIntegerField(default=0, help_text="Of which have a % of planned"),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="percent_sum",
            field=models.DecimalField(
                decimal_places=20,
                help_text="Sum of their % of planned",
                max_digits=50,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="achieved",
            field=models.PositiveIntegerField(default=0, help_text="% of planned 100 or more"),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="far_behind",
            field=models.PositiveIntegerField(
                default=0,
                help_text="% of planned below half the time elapsed at the quarter's end",
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="figured_revision",
            field=models.BigIntegerField(default=-1, help_text="The revision figured"),
        ),
        migrations.RunPython(create_triggers_0008, drop_triggers_0008),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
