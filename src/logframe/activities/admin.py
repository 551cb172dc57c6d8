"""The register in the administration: places and groups edited here; rules bound here go
through the service (their values are written at once); activities are shown, and changed
on the register's screen, where the rights and the quarter's lock apply."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from logframe.activities import models as a
from logframe.activities.services import rule_bind
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.domain.register.kinds import ActivityType


@admin.register(a.Place)
class PlaceAdmin(admin.ModelAdmin[a.Place]):
    list_display = ["code", "name", "country", "level", "iso_code"]
    list_filter = ["country", "level"]
    search_fields = ["code", "name", "aliases"]


@admin.register(a.ActivityGroup)
class ActivityGroupAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped base
    list_display = ["code", "name", "types"]


class _ReadOnly(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped base
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(a.Activity)
class ActivityAdmin(_ReadOnly):
    list_display = ["title", "type", "start", "end", "output", "place", "total", "status"]
    list_filter = ["status", "type"]
    search_fields = ["title", "source"]


@admin.register(a.Attachment)
class AttachmentAdmin(_ReadOnly):
    list_display = ["name", "activity", "size", "uploaded_at", "uploaded_by"]


@admin.register(a.Override)
class OverrideAdmin(_ReadOnly):
    list_display = ["rule", "period", "reason"]


@admin.register(a.IndicatorRule)
class IndicatorRuleAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # untyped base
    list_display = ["indicator", "kind", "scope", "group"]
    raw_id_fields = ["indicator"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Through the service, which writes the indicator's values at once."""
        bound = rule_bind(
            indicator=obj.indicator, kind=RuleKind(obj.kind), scope=RuleScope(obj.scope),
            group=obj.group, types=[ActivityType(t) for t in obj.types or ()],
            actor=request.user,
        )  # fmt: skip
        obj.pk = bound.pk
