"""Public API: is an uploaded PDF an official document, unchanged? Mounted at
``/api/documents/``; no authentication (the answer holds no personal data)."""

from __future__ import annotations

import datetime
from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited, refusal_message
from netral.documents.services import document_public, document_verify_bytes
from netral.documents.views import throttle_verify, upload_bytes

router = Router(tags=["documents"])


class GenuineOut(Schema):
    genuine: bool
    number: str
    kind: str
    kind_label: str
    issued_at: datetime.datetime
    sha256: str


class NotGenuineOut(Schema):
    genuine: bool
    reason: str


class RefusedOut(Schema):
    reason: str
    detail: str


_BODY = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            }
        }
    }
}


@router.post(
    "/verify",
    response={200: GenuineOut | NotGenuineOut, 400: RefusedOut, 429: RefusedOut},
    summary="Periksa keaslian dokumen resmi (unggah PDF pada kolom 'file')",
    openapi_extra=_BODY,
)
def verify(request: HttpRequest) -> Status[Any]:
    """200 with ``genuine`` for any well-formed upload (false: modified or unknown, with a
    reason); 400 with a reason for a missing, empty, oversized or non-PDF upload."""
    try:
        throttle_verify(request)
        result = document_verify_bytes(data=upload_bytes(request))
    except RateLimited as limited:
        message = refusal_message(limited)
        return Status(429, RefusedOut(reason=message, detail=message))
    except ApplicationError as refused:
        return Status(400, RefusedOut(reason=refused.message, detail=refused.message))
    if result.genuine and result.document is not None:
        public = document_public(document=result.document)
        return Status(200, GenuineOut(genuine=True, **asdict(public)))
    return Status(200, NotGenuineOut(genuine=False, reason=result.reason))
