"""Pages for collective pledge events: the staff list with its form
(``ruang-kerja/ikrar-bersama/``), the photo (a copy without metadata, audited), and the
small public count (``ikrar-bersama/``). Thin: selectors read, the service decides."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import User
from netral.accounts.permissions import has_capability
from netral.common.web import broken_rules, domain_errors
from netral.prevention.pledge_events import pledge_event_photo_open, pledge_event_record
from netral.prevention.pledge_events_forms import PledgeEventForm
from netral.prevention.pledge_events_selectors import pledge_event_list, pledge_event_public
from netral.reports.evidence import MAX_FILE_BYTES

TEMPLATES = "prevention/pledge_events/"
# One photo and the form around it.
MAX_REQUEST_BYTES = MAX_FILE_BYTES + 1024 * 1024
REQUEST_TOO_LARGE = "Foto terlalu besar: paling besar 20 MB."


def _list_page(
    request: HttpRequest, actor: User, form: PledgeEventForm | None, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {"events": pledge_event_list(actor=actor), "form": form}
    return render(request, TEMPLATES + "list.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("prevention.view")
@domain_errors()
def event_list(request: HttpRequest) -> HttpResponse:
    """The events in the actor's scope; with the form for those who may record."""
    actor = request_staff(request)
    may_record = has_capability(actor, "pledge_event.record")
    if request.method == "GET":
        return _list_page(request, actor, PledgeEventForm(actor=actor) if may_record else None)
    if not may_record:
        return render(request, "403.html", status=403)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        form = PledgeEventForm(actor=actor)
        form.add_error("photo", _(REQUEST_TOO_LARGE))
        return _list_page(request, actor, form, status=413)
    form = PledgeEventForm(request.POST, request.FILES, actor=actor)
    if not form.is_valid():
        return _list_page(request, actor, form, status=400)
    with broken_rules(refusals=True) as broken:
        pledge_event_record(actor=actor, **form.cleaned_data)
    if broken:
        form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        return _list_page(request, actor, form, status=broken.status)
    messages.success(request, _("Ikrar bersama tercatat."))
    return redirect("pledge_events:list")


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def event_photo(request: HttpRequest, event_id: int) -> HttpResponse:
    original = request.GET.get("asli") == "1"
    data, content_type, name = pledge_event_photo_open(
        actor=request_staff(request), event_id=event_id, original=original
    )
    response = HttpResponse(data, content_type=content_type)
    # Never rendered in our origin as anything but the image it was typed as.
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_GET
@cache_control(public=True, max_age=300)
def public_count(request: HttpRequest) -> HttpResponse:
    """How many collective pledges were held and how many ASN they counted, per province
    (small counts hidden as open data hides them); no agency, place or photo."""
    return render(request, TEMPLATES + "public.html", {"counts": pledge_event_public()})
