"""Each quarter's money and dates, as the fund report lists them per project, stored beside
its indicators' figures and figured with them (``figured_revision``): the triggers of 0008
already move a quarter's revision on every write to the tables they come from."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0010_fund_period_figures"),
    ]

    operations = [
        migrations.AddField(
            model_name="findingcount",
            name="approved",
            field=models.DecimalField(
                decimal_places=2,
                help_text="The agencies' approved budgets",
                max_digits=24,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="committed",
            field=models.DecimalField(
                decimal_places=2, help_text="Cumulative committed", max_digits=24, null=True
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="disbursed",
            field=models.DecimalField(
                decimal_places=2, help_text="Cumulative disbursed", max_digits=24, null=True
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="forecast_end",
            field=models.DateField(help_text="The latest forecast final date", null=True),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="reported_delay",
            field=models.IntegerField(help_text="The longest delay reported", null=True),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="lead",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                help_text="The lead agency (its code is read by a join, so a renamed one is current)",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="portfolio.organisation",
            ),
        ),
        # every stored row lacks its sums: figure them all again at the next read
        migrations.RunSQL(
            "UPDATE portfolio_findingcount SET figured_revision = -1", migrations.RunSQL.noop
        ),
    ]
