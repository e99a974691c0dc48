"""``POST /api/triage/duplicates``: the reports most like the one described, with the reasons
(staff who see reports; issue #12, item 3). Transport only; the look-up is
``duplicates_selectors``. Only reports the caller may see are ever considered."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.common.apischemas import STAFF, WITH_BODY, refusals
from netral.common.errors import ApplicationError
from netral.triage.duplicates import MAX_TEXT, Signature
from netral.triage.duplicates_selectors import duplicate_matches

router = Router(tags=["triage"], auth=staff_auth)

MAX_FIELD = 200
MAX_REGION = 13
TEXT_TOO_LONG = "Teks terlalu panjang: paling banyak {limit} karakter."
FIELD_TOO_LONG = "Kolom {field} terlalu panjang: paling banyak {limit} karakter."
NIP_NOT_18 = "NIP harus 18 angka (spasi boleh)."
NOTHING_TO_COMPARE = "Isi teks kronologi, NIP atau nama terlapor untuk dibandingkan."


class DuplicatesIn(Schema):
    text: str
    reported_nip: str | None = None
    reported_name: str | None = None
    agency: str | None = None
    region: str | None = None
    event_date: datetime.date | None = None


class MatchOut(Schema):
    report_id: str
    score: float
    reasons: list[str]


class DuplicatesOut(Schema):
    matches: list[MatchOut]


def _bounded(payload: DuplicatesIn) -> None:
    if len(payload.text) > MAX_TEXT:
        raise ApplicationError(TEXT_TOO_LONG, field="text", params={"limit": MAX_TEXT})
    for field, limit in (
        ("reported_name", MAX_FIELD),
        ("agency", MAX_FIELD),
        ("region", MAX_REGION),
        ("reported_nip", 40),
    ):
        value = getattr(payload, field) or ""
        if len(value) > limit:
            raise ApplicationError(
                FIELD_TOO_LONG, field=field, params={"field": field, "limit": limit}
            )
    nip = (payload.reported_nip or "").replace(" ", "")
    if nip and not (len(nip) == 18 and nip.isascii() and nip.isdigit()):
        raise ApplicationError(NIP_NOT_18, field="reported_nip")
    if not (payload.text.strip() or nip or (payload.reported_name or "").strip()):
        raise ApplicationError(NOTHING_TO_COMPARE, field="text")


@router.post(
    "",
    response={200: DuplicatesOut, **refusals(*STAFF, 403, *WITH_BODY)},
    url_name="triage_duplicates",
    summary="Laporan lain yang kemungkinan menceritakan kejadian yang sama",
    description=(
        f"Staf yang dapat melihat laporan. `text`: kronologi, paling banyak {MAX_TEXT} "
        f"karakter; `reported_nip` (18 angka), `reported_name`, `agency` (paling banyak "
        f"{MAX_FIELD} karakter), `region` (kode wilayah kejadian, mis. `32.75`), `event_date` "
        "(YYYY-MM-DD): semuanya opsional. Jawaban: laporan yang dapat Anda lihat (kantor mana "
        "pun, pemilihan mana pun) dengan skor 0..1 dan alasannya, terbaik lebih dahulu; "
        "`report_id` ialah `public_id` laporan. Hanya saran: tidak ada yang disimpan."
    ),
)
def find_duplicates(request: HttpRequest, payload: DuplicatesIn) -> dict[str, Any]:
    user = request_staff(request)
    _bounded(payload)
    probe = Signature.of(
        text=payload.text,
        nip=payload.reported_nip or "",
        name=payload.reported_name or "",
        agency=payload.agency or "",
        region_code=payload.region or "",
        event_date=payload.event_date,
    )
    matches = duplicate_matches(actor=user, probe=probe)
    return {
        "matches": [
            {"report_id": str(m.report.public_id), "score": m.score, "reasons": m.reasons}
            for m in matches
        ]
    }
