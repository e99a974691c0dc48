"""Back office for accounts. Every write goes through ``accounts.services`` (their rules and
audit entries): creating an account, changing its role, jurisdiction or activity, setting its
password, resetting its authenticator. Staff and superuser flags follow the role; accounts are
deactivated, never deleted. API tokens are listed (never their secret) and can only be
revoked; authenticators are listed without their key and can only be reset."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import AdminForm
from django.contrib.admin.utils import unquote
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, BaseUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import ApiToken, User
from netral.accounts.services import (
    USER_FIELDS,
    api_token_revoke,
    totp_device_reset,
    user_create,
    user_password_set,
    user_role_validate,
    user_update,
)
from netral.common.errors import ApplicationError

NETRAL_FIELDS = ("role", "jurisdiction", "office_name")


def _as_form_error(form: forms.BaseForm, error: ApplicationError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _role_checked(form: forms.BaseForm, cleaned: dict[str, Any]) -> dict[str, Any]:
    """The service's own account rules, shown next to the form's fields."""
    if "role" in cleaned:
        try:
            user_role_validate(role=cleaned["role"], jurisdiction=cleaned.get("jurisdiction"))
        except ApplicationError as error:
            _as_form_error(form, error)
    return cleaned


class AccountChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = ("first_name", "last_name", "email", "is_active", *NETRAL_FIELDS)

    def clean(self) -> dict[str, Any]:
        return _role_checked(self, super().clean() or {})


class AccountCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", *NETRAL_FIELDS)

    def clean(self) -> dict[str, Any]:
        return _role_checked(self, super().clean() or {})


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = AccountChangeForm
    add_form = AccountCreationForm
    list_display = ("username", "get_full_name", "role", "jurisdiction", "is_active", "last_login")
    list_filter = ("role", "is_active", "jurisdiction__level")
    search_fields = ("username", "first_name", "last_name", "email", "office_name")
    raw_id_fields = ("jurisdiction",)
    readonly_fields = ("username", "is_staff", "is_superuser", "last_login", "date_joined")
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Data diri", {"fields": ("first_name", "last_name", "email")}),
        ("Netral", {"fields": (*NETRAL_FIELDS, "is_active", "is_staff", "is_superuser")}),
        ("Waktu", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2")}),
        ("Data diri", {"fields": ("first_name", "last_name", "email")}),
        ("Netral", {"fields": NETRAL_FIELDS}),
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return () if obj is None else self.readonly_fields

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: audit entries and cases point at accounts

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        assert isinstance(request.user, User)
        data = form.cleaned_data
        if change:
            user_update(
                actor=request.user,
                user_id=obj.pk,
                **{name: data[name] for name in USER_FIELDS if name in data},
            )
            obj.refresh_from_db()
            return
        created = user_create(
            actor=request.user,
            username=data["username"],
            password=data["password1"],
            role=data["role"],
            jurisdiction=data.get("jurisdiction"),
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            email=data.get("email", ""),
            office_name=data.get("office_name", ""),
        )
        obj.pk = created.pk
        obj._state.adding = False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """No groups or permissions: what an account may do follows from its role."""

    def get_urls(self) -> list[URLPattern]:
        own = [
            path(
                "<id>/password/",
                self.admin_site.admin_view(self.password_view),
                name="auth_user_password_change",
            )
        ]
        return own + [url for url in super().get_urls() if url.name != "auth_user_password_change"]

    def password_view(self, request: HttpRequest, id: str) -> HttpResponse:
        """The admin's password page, writing through ``user_password_set`` (rules + audit)."""
        user = self.get_object(request, unquote(id))
        if user is None:
            raise Http404
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        assert isinstance(request.user, User)
        form = AdminPasswordChangeForm(user, request.POST or None)
        if request.method == "POST" and form.is_valid():
            usable = form.cleaned_data.get("set_usable_password", True)
            try:
                changed = user_password_set(
                    actor=request.user,
                    user_id=user.pk,
                    password=form.cleaned_data["password1"] if usable else None,
                )
            except ApplicationError as error:
                _as_form_error(form, error)
            else:
                if changed.pk == request.user.pk:
                    update_session_auth_hash(request, changed)
                messages.success(request, gettext("Kata sandi diperbarui."))
                return HttpResponseRedirect(
                    reverse(f"{self.admin_site.name}:accounts_user_change", args=(user.pk,))
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Kata sandi: {user}").format(user=user.get_username()),
            # Django's own password page does the same (its template wants an AdminForm).
            "adminForm": AdminForm(
                form,  # type: ignore[arg-type]
                [(None, {"fields": list(form.base_fields)})],
                {},
            ),
            "form_url": "",
            "form": form,
            "is_popup": False,
            "add": True,
            "change": False,
            "has_delete_permission": False,
            "has_change_permission": True,
            "has_absolute_url": False,
            "opts": self.opts,
            "original": user,
            "save_as": False,
            "show_save": True,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/auth/user/change_password.html", context)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "prefix",
        "name",
        "user",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    )
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

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Cabut token terpilih")
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        assert isinstance(request.user, User)
        for token in queryset.filter(revoked_at__isnull=True):
            api_token_revoke(actor=request.user, token_id=token.pk)


# django-otp's own admin shows and edits the TOTP secret (and a QR code of it): replaced by
# a list that never reads the key.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    search_fields = ("user__username",)
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields
    actions = ["reset"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("user").defer("key")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # owners enrol at their first sign-in

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description="Atur ulang autentikator (pemilik mendaftar ulang saat masuk)")
    def reset(self, request: HttpRequest, queryset: Any) -> None:
        assert isinstance(request.user, User)
        for user_id in set(queryset.values_list("user_id", flat=True)):
            totp_device_reset(actor=request.user, user_id=user_id)
