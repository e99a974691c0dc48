"""``POST /api/triage/classify``: the rulebook's violation types (and ``none``) ranked for a
text, each with a confidence and the words that drove it (staff; issue #12). Transport only;
the model is ``netral.triage.classify``. A suggestion: nothing is stored or changed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.accounts.permissions import NOT_ALLOWED, has_capability
from netral.common.apischemas import STAFF, WITH_BODY, refusals
from netral.common.errors import PermissionDenied
from netral.triage.classify.predict import MAX_TEXT, classify

router = Router(tags=["triage"], auth=staff_auth)


class ClassifyIn(Schema):
    text: str


class TypeOut(Schema):
    code: str  # a violation type code of the rulebook, or "none"
    confidence: float = Field(ge=0, le=1)
    because: list[str]


class ClassifyOut(Schema):
    types: list[TypeOut]


@router.post(
    "",
    response={200: ClassifyOut, **refusals(*STAFF, 403, *WITH_BODY)},
    url_name="triage_classify",
    summary="Jenis pelanggaran yang paling mungkin untuk sebuah teks, terbaik lebih dulu",
    description=(
        f"Staf. `text`: paling banyak {MAX_TEXT} karakter (lebih panjang: 400 dengan alasan). "
        "Setiap jenis pelanggaran di buku aturan, ditambah `none` (bukan pelanggaran), dengan "
        "keyakinan 0..1 (jumlahnya 1) dan kata-kata teks yang paling mendorong jenis itu. "
        "Hanya saran: tidak ada yang disimpan."
    ),
)
def classify_text(request: HttpRequest, payload: ClassifyIn) -> dict[str, Any]:
    user = request_staff(request)
    if not has_capability(user, "workspace.view"):
        raise PermissionDenied(NOT_ALLOWED)
    ranked = classify(text=payload.text)
    return {
        "types": [
            {"code": t.code, "confidence": t.confidence, "because": t.because} for t in ranked
        ]
    }
