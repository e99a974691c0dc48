"""Back office for partner endpoints (administrators only): register one, change it, resume
it after an automatic pause, and read its delivery log. Every write goes through
``partners.services`` (its rules and audit entries); the secret is never shown again."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netral.accounts.models import User
from netral.common.admin_readonly import ReadOnlyAdmin, ReadOnlyTabularInline
from netral.common.errors import ApplicationError
from netral.partners import services
from netral.partners.models import Delivery, Endpoint, EventType

KEY_HELP = gettext_lazy(
    "Minimal 16 karakter. Kosongkan saat mengubah agar rahasia lama tetap dipakai."
)


class EndpointForm(forms.ModelForm):
    url = forms.URLField(label=gettext_lazy("URL"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=gettext_lazy("Jenis peristiwa"),
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    secret = forms.CharField(
        label=gettext_lazy("Rahasia"),
        required=False,
        widget=forms.PasswordInput,
        help_text=KEY_HELP,
    )

    class Meta:
        model = Endpoint
        fields = ("name", "url", "event_types", "region", "secret", "active")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial["secret"] = ""  # never sent back to the browser

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.instance.pk and not cleaned.get("secret"):
            self.add_error("secret", _("Rahasia wajib diisi."))
            return cleaned
        region = cleaned.get("region")
        try:
            services.endpoint_validate(
                name=cleaned.get("name", ""),
                url=cleaned.get("url", ""),
                event_types=cleaned.get("event_types", []),
                region_code=region.pk if region else None,
                secret=cleaned.get("secret", ""),
            )
        except ApplicationError as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, error.message)
        return cleaned


class DeliveryInline(ReadOnlyTabularInline):
    model = Delivery
    fields = ("event", "status", "attempts", "last_status_code", "last_error", "next_attempt_at")
    readonly_fields = fields
    ordering = ("-pk",)
    max_num = 0
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Delivery]:
        return super().get_queryset(request).select_related("event")


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ("name", "url", "region", "active", "paused_at", "consecutive_failures")
    list_filter = ("active",)
    readonly_fields = ("paused_at", "consecutive_failures", "created_at")
    raw_id_fields = ("region",)
    inlines = (DeliveryInline,)
    actions = ("resume", "send_test")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deactivate instead: the delivery log stays

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        assert isinstance(request.user, User)
        data = form.cleaned_data
        fields = {
            "name": data["name"],
            "url": data["url"],
            "event_types": data["event_types"],
            "region_code": data["region"].pk if data.get("region") else None,
            "secret": data.get("secret", ""),
        }
        if change:
            saved = services.endpoint_update(
                actor=request.user, endpoint_id=obj.pk, active=data["active"], **fields
            )
        else:
            saved = services.endpoint_register(actor=request.user, **fields)
        obj.pk = saved.pk
        obj.refresh_from_db()

    @admin.action(description=gettext_lazy("Lanjutkan pengiriman endpoint yang dijeda"))
    def resume(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> None:
        assert isinstance(request.user, User)
        for endpoint in queryset.order_by("pk"):
            services.endpoint_resume(actor=request.user, endpoint_id=endpoint.pk)
        self.message_user(request, _("Pengiriman dilanjutkan."), messages.SUCCESS)

    @admin.action(
        description=gettext_lazy("Kirim peristiwa uji (lihat permintaan bertanda tangan)")
    )
    def send_test(self, request: HttpRequest, queryset: QuerySet[Endpoint]) -> HttpResponse:
        assert isinstance(request.user, User)
        results = [
            (endpoint, services.endpoint_test_send(actor=request.user, endpoint_id=endpoint.pk))
            for endpoint in queryset.order_by("pk")[:5]
        ]
        context = {**self.admin_site.each_context(request), "results": results}
        context["title"] = _("Uji endpoint mitra")
        return TemplateResponse(request, "partners/endpoint_test.html", context)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = (
        "endpoint",
        "event",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "delivered_at",
    )
    list_filter = ("status", "endpoint")
    list_select_related = ("endpoint", "event")
