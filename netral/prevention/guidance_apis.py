"""``GET /api/guidance?q=``: the "Boleh atau tidak?" question box for partner systems (public).
Transport only; the matching is ``netral.prevention.guidance``. Answers in the request's
language (the language cookie, as every page and error message does)."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router, Schema

from netral.common.apischemas import refusals
from netral.common.errors import ApplicationError
from netral.prevention.guidance import MAX_QUESTION, QUESTION_TOO_LONG, guidance_search

router = Router(tags=["guidance"])


class GuidanceResultOut(Schema):
    code: str
    title: str
    verdict: Literal["forbidden", "allowed", "depends"]
    # Ethics and discipline sanctions in words; empty when the act is allowed.
    sanction: str
    legal_basis: str
    score: int


class GuidanceOut(Schema):
    results: list[GuidanceResultOut]


@router.get(
    "",
    response={200: GuidanceOut, **refusals(400, 422)},
    url_name="guidance_search",
    summary="Boleh atau tidak? Aturan yang cocok dengan pertanyaan, terbaik lebih dulu",
    description=(
        "Publik. `q`: pertanyaan dalam bahasa sehari-hari, paling banyak 500 karakter (lebih "
        "panjang: 400 dengan alasan). Pertanyaan kosong atau tanpa kata yang dikenal: 200 "
        "dengan `results` kosong."
    ),
)
def guidance(request: HttpRequest, q: str = "") -> dict[str, object]:
    if len(q) > MAX_QUESTION:
        raise ApplicationError(QUESTION_TOO_LONG, field="q", params={"limit": MAX_QUESTION})
    english = (get_language() or "").startswith("en")
    return {
        "results": [
            {
                "code": m.entry.code,
                "title": m.entry.title_en if english else m.entry.title,
                "verdict": m.entry.verdict,
                "sanction": m.entry.sanction_text(english=english),
                "legal_basis": m.entry.legal_basis_en if english else m.entry.legal_basis,
                "score": m.score,
            }
            for m in guidance_search(question=q)
        ]
    }
