"""Iraq's governorates and the "capacity building activity" group, as reference data."""

from pathlib import Path

from django.db import migrations

CAPACITY_BUILDING = ["training", "study_visit", "workshop", "seminar", "roundtable",
                     "lessons_learned"]  # fmt: skip


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    from logframe.activities.placefile import read_place_rows

    place = apps.get_model("activities", "Place")
    path = Path(__file__).resolve().parents[1] / "places" / "iraq-governorates.csv"
    for row in read_place_rows(path.read_text(encoding="utf-8"), name=path.name):
        place.objects.update_or_create(
            code=row.code,
            defaults={"name": row.name, "country": row.country, "level": row.level,
                      "aliases": row.aliases, "iso_code": row.iso_code},
        )  # fmt: skip
    group = apps.get_model("activities", "ActivityGroup")
    group.objects.update_or_create(
        code="capacity-building",
        defaults={"name": "Capacity building activity", "types": CAPACITY_BUILDING},
    )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
