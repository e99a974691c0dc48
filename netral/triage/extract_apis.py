"""``POST /api/triage/extract``: identifiers, dates, legal references, amounts, candidate
pairs, agencies, positions and addresses in a text, each with its span (staff; issue #12).
Transport only; the reading is ``netral.triage.extract``."""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import BeforeValidator

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.accounts.permissions import NOT_ALLOWED, has_capability
from netral.common.apischemas import STAFF, WITH_BODY, refusals
from netral.common.errors import PermissionDenied
from netral.triage.extract import MAX_TEXT, extract

router = Router(tags=["triage"], auth=staff_auth)


def _iso_text(value: object) -> object:
    """Only "YYYY-MM-DD" text: pydantic alone would read a number as a Unix timestamp."""
    if value is not None and not isinstance(value, str):
        raise ValueError("reference_date: tanggal YYYY-MM-DD")
    return value


class ExtractIn(Schema):
    text: str
    reference_date: Annotated[datetime.date | None, BeforeValidator(_iso_text)] = None


class EntityOut(Schema):
    kind: Literal[
        "nip", "nik", "date", "legal_ref", "money", "candidate_pair", "agency", "position", "url"
    ]
    text: str
    start: int
    end: int
    valid: bool
    value: dict[str, Any]
    reason: str | None


class ExtractOut(Schema):
    entities: list[EntityOut]


@router.post(
    "",
    response={200: ExtractOut, **refusals(*STAFF, 403, *WITH_BODY)},
    url_name="triage_extract",
    summary="Temukan NIP, NIK, tanggal, pasal, nominal, paslon, instansi, jabatan dan tautan",
    description=(
        f"Staf. `text`: paling banyak {MAX_TEXT} karakter (lebih panjang: 400 dengan alasan). "
        "`reference_date` (YYYY-MM-DD, bawaan: hari ini): dasar tanggal relatif seperti "
        '"kemarin sore". Setiap entitas membawa posisinya: `text[start:end] == entitas.text`. '
        "Hanya saran: tidak ada yang disimpan."
    ),
)
def extract_entities(request: HttpRequest, payload: ExtractIn) -> dict[str, Any]:
    user = request_staff(request)
    if not has_capability(user, "workspace.view"):
        raise PermissionDenied(NOT_ALLOWED)
    found = extract(payload.text, reference_date=payload.reference_date)
    return {"entities": [e.as_dict() for e in found]}
