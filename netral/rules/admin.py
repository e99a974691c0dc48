"""Read-only admin: rulebook versions are written by ``load_rules`` only, never by hand."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from netral.rules.models import RulebookVersion


@admin.register(RulebookVersion)
class RulebookVersionAdmin(admin.ModelAdmin):
    list_display = ("version", "short_sha256", "loaded_at")
    readonly_fields = ("version", "sha256", "loaded_at", "counts")
    ordering = ("-loaded_at",)

    @admin.display(description="SHA-256")
    def short_sha256(self, obj: RulebookVersion) -> str:
        return obj.sha256[:12]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
