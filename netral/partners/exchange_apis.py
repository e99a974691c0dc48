"""The case exchange over the API (issue #16 item 3): the published schema, a decided case
as a document (one or a page), and the partner's answer imported through the desks'
services. Transport only: reads in ``exchange``, writes in ``exchange_services``."""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.common.apischemas import STAFF, Id, Offset, refusals
from netral.common.jsonparse import JsonRejected, loads
from netral.partners import exchange, exchange_services
from netral.partners.exchange_schema import SCHEMA

schema_router = Router(tags=["partners"])
case_router = Router(tags=["partners"], auth=staff_auth)
router = Router(tags=["partners"], auth=staff_auth)

# An answer is a few short texts per recommendation: far below this.
ANSWER_MAX_BYTES = 256 * 1024
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TOO_LARGE = "Dokumen jawaban terlalu besar (lebih dari {kb} KB)."


@schema_router.get("/case-exchange.json", response={200: dict[str, Any]})
def case_exchange_schema(request: HttpRequest) -> JsonResponse:
    """The JSON Schema (draft 2020-12) of the exchange documents, versioned by ``$id``."""
    return JsonResponse(SCHEMA)


@case_router.get(
    "/{case_id}/exchange", response={200: dict[str, Any], **refusals(*STAFF, 403, 404, 422)}
)
def case_exchange(request: HttpRequest, case_id: Id) -> dict[str, Any]:
    """A decided case as an exchange document (``kind: case``), with what the token's owner
    may see; 404 for a case it may not see or one not decided yet."""
    return exchange.exchange_case_get(actor=request_staff(request), case_id=case_id)


def _iso_date(value: object) -> object:
    """Only "YYYY-MM-DD": pydantic alone would read "0" as a Unix timestamp."""
    if value is not None and not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        raise ValueError("tanggal YYYY-MM-DD")
    return value


IsoDate = Annotated[datetime.date | None, BeforeValidator(_iso_date)]


class PageQuery(Schema):
    decided_after: IsoDate = None
    decided_before: IsoDate = None
    office: str = Field("", max_length=13, pattern=r"^[0-9.]*$")
    limit: int = Field(exchange.PAGE_MAX, ge=1, le=exchange.PAGE_MAX)
    offset: Offset = 0


class PageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[dict[str, Any]]


@router.get("/cases", response={200: PageOut, **refusals(*STAFF, 403, 422)})
def case_exchange_page(request: HttpRequest, filters: Query[PageQuery]) -> dict[str, Any]:
    """The decided cases the token's owner may see, oldest decision first, as exchange
    documents; ``decided_after``/``decided_before`` inclusive dates, ``office`` a region
    code; at most 50 a page."""
    page = exchange.exchange_case_page(
        actor=request_staff(request),
        decided_after=filters.decided_after,
        decided_before=filters.decided_before,
        office=filters.office or None,
        limit=filters.limit,
        offset=filters.offset,
    )
    return {
        "count": page.count,
        "limit": page.limit,
        "offset": page.offset,
        "results": page.documents,
    }


class AnswerOut(Schema):
    answer_id: str
    case_id: int
    recommendations: list[int]
    replayed: bool


@router.post(
    "/answers",
    response={200: AnswerOut, 201: AnswerOut, **refusals(*STAFF, 400, 403, 404, 409, 413)},
)
def exchange_answer(request: HttpRequest) -> Status:
    """Import a partner's answer (``kind: answer`` of the schema): each answer goes through
    the desk's own service, all in one transaction. 201 recorded; 200 the same ``answer_id``
    and content again (nothing changes); 409 the same ``answer_id`` with other content."""
    actor = request_staff(request)
    if len(request.body) > ANSWER_MAX_BYTES:
        return Status(413, {"detail": gettext(TOO_LARGE).format(kb=ANSWER_MAX_BYTES // 1024)})
    try:
        document = loads(request.body, max_bytes=ANSWER_MAX_BYTES)
    except JsonRejected as error:
        return Status(400, {"detail": error.message})
    result = exchange_services.exchange_answer_import(actor=actor, document=document)
    answer = result.answer
    body = {
        "answer_id": answer.answer_id,
        "case_id": answer.case_id,
        "recommendations": answer.recommendations,
        "replayed": result.replayed,
    }
    return Status(200 if result.replayed else 201, body)
