""" "Boleh atau tidak?" (public pages): the question box (GET, works without JavaScript) with
the full printable guide below it, and the one-page leaflet PDF per agency."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited, configured, hit_client_and_global, refusal_message
from netral.prevention.guidance import (
    MAX_QUESTION,
    QUESTION_TOO_LONG,
    GuideEntry,
    Match,
    guidance_search,
    guide_entries,
)
from netral.prevention.guidance_leaflet import MAX_AGENCY, leaflet_agency, leaflet_pdf

# Leaflets are rendered on request (a few milliseconds each): bounded per client and overall.
LIMITS: dict[str, tuple[int, int]] = {
    "guidance-leaflet": (30, 600),
    "guidance-leaflet-all": (600, 60),
}


def _english() -> bool:
    return (get_language() or "").startswith("en")


def _items(entries: list[GuideEntry], english: bool) -> list[dict[str, Any]]:
    return [{"entry": e, "t": e.text(english=english)} for e in entries]


def _page(
    request: HttpRequest,
    *,
    question: str = "",
    error: str = "",
    matches: list[Match] | None = None,
    agency: str = "",
    agency_error: str = "",
    status: int = 200,
) -> HttpResponse:
    english = _english()
    entries = guide_entries()
    context = {
        "question": question,
        "asked": bool(question.strip()) and not error,
        "error": error,
        "max_question": MAX_QUESTION,
        "english": english,
        "matches": _items([m.entry for m in matches or []], english),
        "forbidden": _items([e for e in entries if e.verdict == "forbidden"], english),
        "permitted": _items([e for e in entries if e.verdict != "forbidden"], english),
        "agency": agency,
        "agency_error": agency_error,
        "max_agency": MAX_AGENCY,
    }
    return render(request, "prevention/guidance.html", context, status=status)


@require_GET
def guidance_page(request: HttpRequest) -> HttpResponse:
    question = request.GET.get("q", "")
    if len(question) > MAX_QUESTION:
        error = _(QUESTION_TOO_LONG).format(limit=MAX_QUESTION)
        return _page(request, question=question[:MAX_QUESTION], error=error, status=400)
    matches = guidance_search(question=question) if question.strip() else []
    return _page(request, question=question, matches=matches)


@require_GET
def leaflet(request: HttpRequest) -> HttpResponse:
    """``?agency=<name>``: the leaflet PDF; a bad name -> the guide page with the reason, 400."""
    raw = request.GET.get("agency", "")
    try:
        agency = leaflet_agency(raw)
    except ApplicationError as refused:
        return _page(request, agency=raw[:MAX_AGENCY], agency_error=refused.message, status=400)
    try:
        hit_client_and_global(
            request,
            configured("guidance-leaflet", LIMITS),
            configured("guidance-leaflet-all", LIMITS),
        )
    except RateLimited as limited:
        response = _page(request, agency=agency, agency_error=refusal_message(limited), status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    data = leaflet_pdf(agency=agency, english=_english())
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="boleh-atau-tidak.pdf"'
    return response
