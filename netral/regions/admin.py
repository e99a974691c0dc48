from django.contrib import admin

from netral.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "type", "timezone")
    list_filter = ("level", "type", "timezone")
    search_fields = ("code", "name")
    readonly_fields = ("code",)
