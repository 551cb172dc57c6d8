"""The page versions' table; its triggers are installed after every migrate
(``pagecache.versions.install_triggers``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies: list[tuple[str, str]] = []

    operations = [
        migrations.CreateModel(
            name="PageVersion",
            fields=[
                ("key", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
    ]
