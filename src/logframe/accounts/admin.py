from django.contrib import admin

from logframe.accounts.models import Membership, Preference


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "role", "fund", "project", "organisation", "created"]
    list_filter = ["role", "fund"]
    search_fields = ["user__username", "project__number", "organisation__code"]
    list_select_related = ["user", "fund", "project", "organisation"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin[Preference]):
    list_display = ["user", "language", "arabic_indic_digits"]
    list_select_related = ["user"]
