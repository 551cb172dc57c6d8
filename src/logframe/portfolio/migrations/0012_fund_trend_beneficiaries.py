"""What the fund report's trend and beneficiaries add up per quarter, stored beside its
other figures and figured with them (``figured_revision``): a quarter's finance lines and
the approved budgets of their agencies (the trend over the fund's quarters), and its
applicable beneficiary lines of men and women with their targets and actuals.

No trigger is added: the triggers of 0008 already move a quarter's revision on every write
to the tables these come from (``financialstatus``, ``participation`` through the project,
``beneficiaryfigure``). The columns are nullable without a default, so SQLite adds them
in place (no copy of the table, which the triggers naming it would forbid)."""

from django.db import migrations, models


def _count(help_text: str) -> models.PositiveIntegerField:  # type: ignore[type-arg]
    return models.PositiveIntegerField(null=True, help_text=help_text)


def _value() -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(max_digits=24, decimal_places=4, null=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0011_fund_period_sums"),
    ]

    operations = [
        migrations.AddField(
            model_name="findingcount", name="finance_lines", field=_count("Finance lines")
        ),
        migrations.AddField(
            model_name="findingcount",
            name="finance_approved",
            field=models.DecimalField(
                decimal_places=2,
                help_text="The approved budgets of the agencies with a finance line",
                max_digits=24,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="findingcount",
            name="men_lines",
            field=_count("Applicable lines of men"),
        ),
        migrations.AddField(model_name="findingcount", name="men_target", field=_value()),
        migrations.AddField(model_name="findingcount", name="men_actual", field=_value()),
        migrations.AddField(
            model_name="findingcount",
            name="women_lines",
            field=_count("Applicable lines of women"),
        ),
        migrations.AddField(model_name="findingcount", name="women_target", field=_value()),
        migrations.AddField(model_name="findingcount", name="women_actual", field=_value()),
        # every stored row lacks these: figure them all again at the next read
        migrations.RunSQL(
            "UPDATE portfolio_findingcount SET figured_revision = -1", migrations.RunSQL.noop
        ),
    ]
