"""The notification centre's pages under ``ruang-kerja/notifikasi/``: the list (newest first,
mark all read), opening one (marks it read, then goes where it points) and the choice of
how often they come by e-mail. Thin: ``notifications`` decides."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.accounts import notifications
from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.notification_models import EmailFrequency
from netral.common.web import domain_errors

PAGE_SIZE = 50


class SettingsForm(forms.Form):
    email_frequency = forms.ChoiceField(
        label=gettext_lazy("Kirim notifikasi ke e-mail saya"),
        choices=EmailFrequency.choices,
        widget=forms.RadioSelect,
    )


@never_cache
@require_GET
@staff_required("notification.view_own")
def notification_list(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    unread_only = request.GET.get("belum") == "1"
    rows = notifications.notification_list(user=actor, unread_only=unread_only)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "unread_only": unread_only,
        "query": "belum=1" if unread_only else "",
        "unread": notifications.notification_unread_count(user=actor),
    }
    return render(request, "accounts/notifications.html", context)


@never_cache
@require_GET
@staff_required("notification.view_own")
@domain_errors()
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    link = notifications.notification_open(
        actor=request_staff(request), notification_id=notification_id
    )
    return redirect(link)


@never_cache
@require_POST
@staff_required("notification.view_own")
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications.notification_mark_all_read(actor=request_staff(request))
    messages.success(request, _("%(count)d notifikasi ditandai sudah dibaca.") % {"count": count})
    return redirect("notifications:list")


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("notification.view_own")
@domain_errors()
def notification_settings(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            notifications.notification_settings_set(
                actor=actor, email_frequency=form.cleaned_data["email_frequency"]
            )
            messages.success(request, _("Pengaturan notifikasi tersimpan."))
            return redirect("notifications:settings")
        status = 400
    else:
        form = SettingsForm(
            initial={"email_frequency": notifications.notification_frequency(user=actor)}
        )
        status = 200
    context = {"form": form, "has_email": bool(actor.email)}
    return render(request, "accounts/notification_settings.html", context, status=status)
