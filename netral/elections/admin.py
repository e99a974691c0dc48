from django.contrib import admin

from netral.elections.models import Election, ElectionCycle, Stage


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(ElectionCycle)
class ElectionCycleAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "voting_date")
    inlines = [StageInline]


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):
    list_display = ("name", "cycle", "office", "region")
    list_filter = ("cycle", "office")
    search_fields = ("name", "region__code", "region__name")
    raw_id_fields = ("region",)
