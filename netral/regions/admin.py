"""Regions in the back office: read-only, loaded by ``load_regions`` from the official list."""

from django.contrib import admin

from netral.common.admin_readonly import ReadOnlyAdmin
from netral.regions.models import Region


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "level", "type", "timezone")
    list_filter = ("level", "type", "timezone")
    search_fields = ("code", "name")
