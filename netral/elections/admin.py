"""Elections and their stages in the back office: read-only, loaded from ``data/*.toml``."""

from django.contrib import admin

from netral.common.admin_readonly import ReadOnlyAdmin, ReadOnlyTabularInline
from netral.elections.models import Election, ElectionCycle, Stage


class StageInline(ReadOnlyTabularInline):
    model = Stage


@admin.register(ElectionCycle)
class ElectionCycleAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "kind", "voting_date")
    inlines = [StageInline]


@admin.register(Election)
class ElectionAdmin(ReadOnlyAdmin):
    list_display = ("name", "cycle", "office", "region")
    list_filter = ("cycle", "office")
    search_fields = ("name", "region__code", "region__name")
    raw_id_fields = ("region",)
