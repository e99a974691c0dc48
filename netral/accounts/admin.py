"""Back office for accounts. Creating or changing an account here is audited like the
service; API tokens are listed (never their secret) and can only be revoked."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest
from django.utils import timezone

from netral.accounts.models import ApiToken, User
from netral.audit.services import audit_record


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "get_full_name", "role", "jurisdiction", "is_active", "last_login")
    list_filter = ("role", "is_active", "jurisdiction__level")
    search_fields = ("username", "first_name", "last_name", "email", "office_name")
    raw_id_fields = ("jurisdiction",)
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Netral", {"fields": ("role", "jurisdiction", "office_name")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        ("Netral", {"fields": ("role", "jurisdiction", "office_name")}),
    )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = None
        if change:
            old = User.objects.get(pk=obj.pk)
            before = {
                "role": old.role,
                "jurisdiction": old.jurisdiction_id,
                "active": old.is_active,
            }
        super().save_model(request, obj, form, change)
        audit_record(
            actor=request.user,
            action="user.change" if change else "user.create",
            obj=obj,
            before=before,
            after={"role": obj.role, "jurisdiction": obj.jurisdiction_id, "active": obj.is_active},
            reason="admin",
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("prefix", "name", "user__username")
    readonly_fields = (
        "user",
        "name",
        "prefix",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
    exclude = ("digest",)
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description="Cabut token terpilih")
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for token in queryset.filter(revoked_at__isnull=True):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(actor=request.user, action="apitoken.revoke", obj=token, reason="admin")
