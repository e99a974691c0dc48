""" "Boleh atau tidak?" (public page): the question box (GET, works without JavaScript) and the
full printable guide below it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netral.prevention.guidance import (
    MAX_QUESTION,
    QUESTION_TOO_LONG,
    guidance_search,
    guide_entries,
)


@require_GET
def guidance_page(request: HttpRequest) -> HttpResponse:
    question = request.GET.get("q", "")
    english = (get_language() or "").startswith("en")
    error = ""
    matches = []
    if len(question) > MAX_QUESTION:
        error = _(QUESTION_TOO_LONG).format(limit=MAX_QUESTION)
        question = question[:MAX_QUESTION]
    elif question.strip():
        matches = guidance_search(question=question)
    entries = guide_entries()
    context = {
        "question": question,
        "asked": bool(question.strip()) and not error,
        "error": error,
        "max_question": MAX_QUESTION,
        "english": english,
        "matches": matches,
        "forbidden": [e for e in entries if e.verdict == "forbidden"],
        "permitted": [e for e in entries if e.verdict != "forbidden"],
    }
    return render(request, "prevention/guidance.html", context, status=400 if error else 200)
