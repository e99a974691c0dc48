"""The early-warnings pages of the staff workspace: a province tile map and a list of the
warnings of one day (scoped to the jurisdiction), and a page per warning where the office
with jurisdiction acknowledges it and records what it did. Thin: selectors read, the service
decides; a warning the viewer may not see is the 404 page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.permissions import can
from netral.common.web import action_post, domain_errors
from netral.prevention.models import EarlyWarning
from netral.prevention.warnings import ACTION_MAX, warning_acknowledge
from netral.prevention.warnings_selectors import (
    latest_day,
    open_by_province,
    warning_get_for,
    warning_list_for,
)
from netral.prevention.warnings_signals import action_text, signal_text
from netral.regions.models import Region
from netral.regions.tilemap import GAP, GRID, HEIGHT, TILE, WIDTH

PAGE_SIZE = 200

# Open warnings -> shade class (the statistics map's CSS classes 0..4).
SHADE_STEPS = ((8, "4"), (4, "3"), (2, "2"), (1, "1"))


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    label: str
    x: int
    y: int
    count: int
    shade: str
    href: str

    @property
    def label_x(self) -> int:
        return self.x + TILE // 2

    @property
    def label_y(self) -> int:
        return self.y + TILE // 2 - 3


class AcknowledgeForm(forms.Form):
    action_taken = forms.CharField(
        label=gettext_lazy("Tindakan yang dilakukan"),
        max_length=ACTION_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def _shade(count: int) -> str:
    return next((shade for low, shade in SHADE_STEPS if count >= low), "0")


def _tiles(counts: dict[str, int], query: dict[str, str]) -> list[Tile]:
    names = dict(Region.objects.filter(code__in=list(GRID)).values_list("code", "name"))
    base = reverse("warnings:list")
    tiles = []
    for code, (col, row, label) in GRID.items():
        count = counts.get(code, 0)
        href = f"{base}?{urlencode({**query, 'wilayah': code})}"
        tiles.append(
            Tile(code, names.get(code, code), label, col * (TILE + GAP), row * (TILE + GAP),
                 count, _shade(count), href)
        )  # fmt: skip
    return tiles


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _row(warning: EarlyWarning) -> dict[str, Any]:
    return {
        "warning": warning,
        "fired": [signal_text(s) for s in warning.signals if s.get("fired")],
        "actions": [action_text(a) for a in warning.actions],
    }


@never_cache
@require_GET
@staff_required("warning.view")
@domain_errors()
def warning_list(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    region = request.GET.get("wilayah", "").strip()[:20]
    status = request.GET.get("status", "open")
    status = status if status in EarlyWarning.Status.values else ""
    day = _day(request.GET.get("tanggal", "")) or latest_day(actor=user)
    warnings = warning_list_for(actor=user, region_code=region, status=status, day=day)
    on_day = warning_list_for(actor=user, day=day) if day else warning_list_for(actor=user)
    query = {"tanggal": day.isoformat()} if day else {}
    context = {
        "rows": [_row(w) for w in warnings[:PAGE_SIZE]],
        "total": warnings.count(),
        "day": day,
        "region": Region.objects.filter(code=region).first() if region else None,
        "status": status,
        "statuses": EarlyWarning.Status.choices,
        "tiles": _tiles(open_by_province(on_day), query),
        "width": WIDTH,
        "height": HEIGHT,
    }
    return render(request, "prevention/warnings/list.html", context)


def _appeal_link(warning: EarlyWarning, action: dict[str, Any]) -> str:
    """The appeal draft page, with the template and region the warning proposes."""
    try:
        base = reverse("appeals:new")
    except NoReverseMatch:
        return ""
    params = {
        "template_code": action.get("template", ""),
        "recipient_region_codes": warning.region_id,
    }
    if warning.election_id:
        params["election_id"] = str(warning.election_id)
    return f"{base}?{urlencode(params)}"


def _detail(
    request: HttpRequest, warning_id: int, form: AcknowledgeForm | None = None, status: int = 200
) -> HttpResponse:
    user = request_staff(request)
    warning = warning_get_for(actor=user, warning_id=warning_id)
    may_acknowledge = (
        can(user, "warning.acknowledge", warning) and warning.status == EarlyWarning.Status.OPEN
    )
    actions = [
        {
            "text": action_text(a),
            "link": _appeal_link(warning, a) if a.get("code") == "appeal" else "",
        }
        for a in warning.actions
    ]
    context = {
        "warning": warning,
        "signals": [{"fired": s.get("fired"), "text": signal_text(s)} for s in warning.signals],
        "actions": actions,
        "form": form or AcknowledgeForm(),
        "may_acknowledge": may_acknowledge,
    }
    return render(request, "prevention/warnings/detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("warning.view")
@domain_errors()
def warning_detail(request: HttpRequest, warning_id: int) -> HttpResponse:
    return _detail(request, warning_id)


@never_cache
@require_POST
@staff_required("warning.view")
@domain_errors()
def warning_acknowledge_view(request: HttpRequest, warning_id: int) -> HttpResponse:
    user = request_staff(request)
    warning = warning_get_for(actor=user, warning_id=warning_id)  # 404 outside

    def page(form: Any, error: str, status: int) -> HttpResponse:
        if error:
            form.add_error(None, error)
        return _detail(request, warning_id, form=form, status=status)

    return action_post(
        request,
        allowed=can(user, "warning.acknowledge", warning),
        form=AcknowledgeForm(request.POST),
        perform=lambda form: warning_acknowledge(
            actor=user, warning_id=warning_id, action_taken=form.cleaned_data["action_taken"]
        ),
        page=page,
        done=lambda: redirect("warnings:detail", warning_id=warning_id),
        success=_("Peringatan dicatat sudah ditindaklanjuti."),
    )
