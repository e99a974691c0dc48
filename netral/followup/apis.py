"""Follow-up API for partner systems (BKN, PPK personnel systems, Gakkumdu), with personal
tokens: each sees and acts on exactly what its desk shows (``selectors``, ``services``)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.common.apischemas import STAFF, WITH_BODY, Id, Offset, refusals
from netral.followup import selectors, services
from netral.followup.models import Recommendation

router = Router(tags=["followup"], auth=staff_auth)


class RecommendationOut(Schema):
    id: int
    number: str
    addressee: str
    status: str
    status_label: str
    register_number: str | None
    office_region: str
    election: str
    decided_at: datetime.datetime | None
    issued_at: datetime.datetime
    due_at: datetime.datetime | None
    subject_name: str
    subject_nip: str
    subject_agency: str
    subject_position: str
    ppk_region: str | None
    recommended_sanction: str
    criminal_stage: str
    ended_at: datetime.datetime | None


class Filters(Schema):
    status: str | None = None
    addressee: str | None = None
    overdue: bool = False
    limit: int = Field(100, ge=1, le=500)
    offset: Offset = 0


class AssessIn(Schema):
    assessment: str
    sanction: str


class SanctionIn(Schema):
    imposed: bool
    decree_number: str = ""
    decree_date: datetime.date | None = None
    sanction: str = ""
    option: str = ""
    reason: str = ""


def _desk_user(request: HttpRequest) -> User:
    user = request_staff(request)
    require(user, "recommendation.view")
    return user


def _out(rec: Recommendation) -> RecommendationOut:
    case = rec.case
    return RecommendationOut(
        id=rec.pk,
        number=rec.number,
        addressee=rec.addressee,
        status=rec.status,
        status_label=str(rec.get_status_display()),
        register_number=case.register_number,
        office_region=case.office_region_id,
        election=case.election.name,
        decided_at=case.decided_at,
        issued_at=rec.issued_at,
        due_at=rec.due_at,
        subject_name=rec.subject_name,
        subject_nip=rec.subject_nip,
        subject_agency=rec.subject_agency,
        subject_position=rec.subject_position,
        ppk_region=rec.ppk_region_id,
        recommended_sanction=rec.recommended_sanction,
        criminal_stage=rec.criminal_stage,
        ended_at=rec.ended_at,
    )


@router.get(
    "/recommendations",
    response={200: list[RecommendationOut], **refusals(*STAFF, 403, 422)},
    summary="Rekomendasi yang menjadi bagian pengguna",
)
def recommendation_list(request: HttpRequest, filters: Query[Filters]) -> list[RecommendationOut]:
    recs = selectors.recommendation_desk(
        actor=_desk_user(request),
        status=filters.status,
        addressee=filters.addressee,
        overdue_only=filters.overdue,
    )
    return [_out(rec) for rec in recs[filters.offset : filters.offset + filters.limit]]


@router.get(
    "/recommendations/{rec_id}",
    response={200: RecommendationOut, **refusals(*STAFF, 403, 404, 422)},
    summary="Satu rekomendasi",
)
def recommendation_detail(request: HttpRequest, rec_id: Id) -> RecommendationOut:
    return _out(selectors.recommendation_get_for(actor=_desk_user(request), rec_id=rec_id))


@router.post(
    "/recommendations/{rec_id}/assess",
    response={200: RecommendationOut, **refusals(*STAFF, *WITH_BODY, 403, 404, 409)},
    summary="Penilaian BKN dan sanksi yang direkomendasikan (diteruskan ke PPK)",
)
def recommendation_assess(request: HttpRequest, rec_id: Id, body: AssessIn) -> RecommendationOut:
    user = _desk_user(request)
    services.recommendation_assess(
        actor=user, rec_id=rec_id, assessment=body.assessment, sanction=body.sanction
    )
    return _out(selectors.recommendation_get_for(actor=user, rec_id=rec_id))


@router.post(
    "/recommendations/{rec_id}/sanction",
    response={200: RecommendationOut, **refusals(*STAFF, *WITH_BODY, 403, 404, 409)},
    summary="Keputusan PPK: sanksi yang dijatuhkan atau alasan tidak menjatuhkan",
)
def recommendation_sanction(
    request: HttpRequest, rec_id: Id, body: SanctionIn
) -> RecommendationOut:
    user = _desk_user(request)
    services.sanction_record(actor=user, rec_id=rec_id, **body.dict())
    return _out(selectors.recommendation_get_for(actor=user, rec_id=rec_id))
