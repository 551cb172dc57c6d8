"""Django admin for every model of the portfolio, with history (audit) on each.

A submitted or approved quarter is locked here as everywhere: its rows (values and their
parts, finance, beneficiaries, narratives, source cells, evidence) are shown read-only, and
a change or deletion posted anyway is refused (403) — for superusers too. A quarter's state
is never edited here: the workflow moves it (submit, approve, return, reopen with a reason),
taking its snapshots. Deleting a project that holds a locked quarter is refused for the same
reason (its rows could not be deleted): a fund administrator reopens the quarter first.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from logframe.domain.records import PeriodState
from logframe.portfolio import models as m

EDITABLE_STATES = (PeriodState.OPEN.value, PeriodState.RETURNED.value)


def _period_locked(period: m.ReportingPeriod | None) -> bool:
    """The quarter's state read again from the database (the page may be old)."""
    if period is None or period.pk is None:
        return False
    state = m.ReportingPeriod.objects.filter(pk=period.pk).values_list("state", flat=True).first()
    return state is not None and state not in EDITABLE_STATES


class QuarterLockAdmin:
    """Read-only while the row's quarter is locked. ``period_of(obj)`` names the quarter
    of a row (for an inline: of the page's object)."""

    def period_of(self, obj: Any) -> m.ReportingPeriod | None:
        return getattr(obj, "period", None)

    def _locked(self, obj: Any) -> bool:
        return obj is not None and _period_locked(self.period_of(obj))

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        obj = args[0] if args else None  # an inline gets the page's object
        return not self._locked(obj) and super().has_add_permission(request, *args)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._locked(obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._locked(obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class OfValue(QuarterLockAdmin):
    def period_of(self, obj: Any) -> m.ReportingPeriod | None:
        if isinstance(obj, m.IndicatorValue):
            return obj.period
        value = getattr(obj, "indicator_value", None)
        return value.period if value is not None else None


class OfPeriod(QuarterLockAdmin):
    def period_of(self, obj: Any) -> m.ReportingPeriod | None:
        return obj if isinstance(obj, m.ReportingPeriod) else getattr(obj, "period", None)


class ParticipationInline(admin.TabularInline[m.Participation, m.Project]):
    model = m.Participation
    extra = 0


class FootnoteInline(admin.TabularInline[m.Footnote, m.Project]):
    model = m.Footnote
    extra = 0


class ProcurementInline(admin.TabularInline[m.ProcurementItem, m.Project]):
    model = m.ProcurementItem
    extra = 0


@admin.register(m.Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "iati_ref"]
    list_filter = ["kind"]
    search_fields = ["code", "name"]


@admin.register(m.Fund)
class FundAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "currency", "administrative_agent"]
    search_fields = ["code", "name"]


@admin.register(m.Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "fund", "status", "start_date", "planned_end_date"]
    list_filter = ["fund", "status", "sector"]
    search_fields = ["number", "title"]
    list_select_related = ["fund"]
    inlines = [ParticipationInline, ProcurementInline, FootnoteInline]


class ActivityInline(admin.TabularInline[m.Activity, m.Result]):
    model = m.Activity
    extra = 0


class IndicatorInline(admin.StackedInline[m.Indicator, m.Result]):
    model = m.Indicator
    extra = 0
    fields = [
        ("code", "measure", "disaggregation", "position"),
        "text",
        ("target_kind", "target_value", "target_milestone", "target_note", "target_text"),
    ]


@admin.register(m.Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ["code", "text", "level", "project", "lead"]
    list_filter = ["level", "project__fund"]
    search_fields = ["code", "text", "project__number"]
    list_select_related = ["project", "lead"]
    inlines = [ActivityInline, IndicatorInline]


@admin.register(m.Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "text", "measure", "target_text", "result"]
    list_filter = ["measure", "target_kind"]
    search_fields = ["code", "text"]
    list_select_related = ["result"]


@admin.register(m.Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["code", "text", "result"]
    search_fields = ["code", "text"]
    list_select_related = ["result"]


class ValuePartInline(OfValue, admin.TabularInline[m.IndicatorValuePart, m.IndicatorValue]):
    model = m.IndicatorValuePart
    extra = 0


@admin.register(m.IndicatorValue)
class IndicatorValueAdmin(OfValue, SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "male", "female", "status", "reported_pct"]
    list_filter = ["period__year", "period__quarter", "status"]
    search_fields = ["indicator__code", "period__project__number"]
    list_select_related = ["indicator", "period__project"]
    inlines = [ValuePartInline]


class FinanceInline(OfPeriod, admin.TabularInline[m.FinancialStatus, m.ReportingPeriod]):
    model = m.FinancialStatus
    extra = 0


class BeneficiaryInline(OfPeriod, admin.TabularInline[m.BeneficiaryFigure, m.ReportingPeriod]):
    model = m.BeneficiaryFigure
    extra = 0


class ProgressInline(OfPeriod, admin.StackedInline[m.ResultProgress, m.ReportingPeriod]):
    model = m.ResultProgress
    extra = 0


@admin.register(m.ReportingPeriod)
class ReportingPeriodAdmin(OfPeriod, SimpleHistoryAdmin):
    list_display = ["project", "year", "quarter", "state"]
    readonly_fields = [
        "state", "submitted_at", "submitted_by", "approved_at", "approved_by", "review_comment",
    ]  # fmt: skip
    list_filter = ["state", "year", "quarter"]
    search_fields = ["project__number"]
    list_select_related = ["project"]
    inlines = [FinanceInline, BeneficiaryInline, ProgressInline]


@admin.register(m.FootnoteMark)
class FootnoteMarkAdmin(admin.ModelAdmin[m.FootnoteMark]):
    list_display = ["footnote", "indicator", "activity", "place"]
    list_select_related = ["footnote", "indicator", "activity"]


@admin.register(m.Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["project", "organisation", "role", "approved_budget"]
    list_select_related = ["project", "organisation"]


@admin.register(m.Footnote)
class FootnoteAdmin(SimpleHistoryAdmin):
    list_display = ["project", "number", "text"]
    list_select_related = ["project"]


@admin.register(m.Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    list_display = ["project", "type", "status", "period_start", "period_end", "value"]
    list_select_related = ["project"]


@admin.register(m.Transaction)
class TransactionAdmin(SimpleHistoryAdmin):
    list_display = ["project", "type", "transaction_date", "value", "receiver_name"]
    list_select_related = ["project"]


@admin.register(m.ProcurementItem)
class ProcurementItemAdmin(admin.ModelAdmin[m.ProcurementItem]):
    list_display = ["project", "position", "text"]
    list_select_related = ["project"]


@admin.register(m.IndicatorValuePart)
class IndicatorValuePartAdmin(OfValue, admin.ModelAdmin[m.IndicatorValuePart]):
    list_display = ["indicator_value", "label", "value"]
    list_select_related = ["indicator_value__indicator", "indicator_value__period__project"]


@admin.register(m.SourceCell)
class SourceCellAdmin(OfPeriod, admin.ModelAdmin[m.SourceCell]):
    list_display = ["period", "where", "field", "text", "location", "understood"]
    list_filter = ["understood", "field"]
    search_fields = ["where", "text", "location"]
    list_select_related = ["period__project"]


@admin.register(m.PeriodSnapshot)
class PeriodSnapshotAdmin(OfPeriod, admin.ModelAdmin[m.PeriodSnapshot]):
    """Snapshots are taken by the workflow and never changed (the database refuses it too);
    those of a locked quarter are not deleted either."""

    list_display = ["period", "number", "event", "created_at", "created_by"]
    list_select_related = ["period__project", "created_by"]
    readonly_fields = [
        "period", "number", "event", "created_at", "created_by", "note", "document", "checksum",
    ]  # fmt: skip

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(m.Evidence)
class EvidenceAdmin(OfValue, SimpleHistoryAdmin):
    list_display = ["name", "indicator_value", "content_type", "size", "uploaded_by"]
    list_select_related = ["indicator_value__indicator", "uploaded_by"]


@admin.register(m.Reminder)
class ReminderAdmin(admin.ModelAdmin[m.Reminder]):
    list_display = ["period", "user", "kind", "sent_on"]
    list_select_related = ["period__project", "user"]


class PeriodRowAdmin(OfPeriod, SimpleHistoryAdmin):
    """Finance, beneficiaries and narratives of a quarter, on their own pages."""


admin.site.register(m.FinancialStatus, PeriodRowAdmin)
admin.site.register(m.BeneficiaryFigure, PeriodRowAdmin)
admin.site.register(m.ResultProgress, PeriodRowAdmin)
admin.site.site_header = "Logframe administration"
admin.site.site_title = "Logframe"
