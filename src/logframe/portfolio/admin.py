"""Django admin for every model of the portfolio, with history (audit) on each."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from logframe.portfolio import models as m


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


class ValuePartInline(admin.TabularInline[m.IndicatorValuePart, m.IndicatorValue]):
    model = m.IndicatorValuePart
    extra = 0


@admin.register(m.IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "male", "female", "status", "reported_pct"]
    list_filter = ["period__year", "period__quarter", "status"]
    search_fields = ["indicator__code", "period__project__number"]
    list_select_related = ["indicator", "period__project"]
    inlines = [ValuePartInline]


class FinanceInline(admin.TabularInline[m.FinancialStatus, m.ReportingPeriod]):
    model = m.FinancialStatus
    extra = 0


class BeneficiaryInline(admin.TabularInline[m.BeneficiaryFigure, m.ReportingPeriod]):
    model = m.BeneficiaryFigure
    extra = 0


class ProgressInline(admin.StackedInline[m.ResultProgress, m.ReportingPeriod]):
    model = m.ResultProgress
    extra = 0


@admin.register(m.ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["project", "year", "quarter", "state"]
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
class IndicatorValuePartAdmin(admin.ModelAdmin[m.IndicatorValuePart]):
    list_display = ["indicator_value", "label", "value"]
    list_select_related = ["indicator_value__indicator", "indicator_value__period__project"]


@admin.register(m.SourceCell)
class SourceCellAdmin(admin.ModelAdmin[m.SourceCell]):
    list_display = ["period", "where", "field", "text", "location", "understood"]
    list_filter = ["understood", "field"]
    search_fields = ["where", "text", "location"]
    list_select_related = ["period__project"]


@admin.register(m.PeriodSnapshot)
class PeriodSnapshotAdmin(admin.ModelAdmin[m.PeriodSnapshot]):
    list_display = ["period", "number", "event", "created_at", "created_by"]
    list_select_related = ["period__project", "created_by"]
    readonly_fields = ["period", "number", "event", "created_at", "created_by", "note", "document"]

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False  # snapshots are immutable


@admin.register(m.Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "indicator_value", "content_type", "size", "uploaded_by"]
    list_select_related = ["indicator_value__indicator", "uploaded_by"]


@admin.register(m.Reminder)
class ReminderAdmin(admin.ModelAdmin[m.Reminder]):
    list_display = ["period", "user", "kind", "sent_on"]
    list_select_related = ["period__project", "user"]


admin.site.register(m.FinancialStatus, SimpleHistoryAdmin)
admin.site.register(m.BeneficiaryFigure, SimpleHistoryAdmin)
admin.site.register(m.ResultProgress, SimpleHistoryAdmin)
admin.site.site_header = "Logframe administration"
admin.site.site_title = "Logframe"
