"""Rulebook endpoints (public): the taxonomy, sanctions, criminal articles, deadlines and the
report checklist in force. Transport only; reads go through ``netral.rules.selectors``.

Handlers return lists, never tuples: django-ninja reads a returned pair as (status, body).
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema

from netral.common.apischemas import refusals
from netral.rules import selectors
from netral.rules.schemas import (
    CriminalArticle,
    DeadlineRule,
    ElectionKind,
    Requirement,
    Sanction,
    ViolationType,
)

router = Router(tags=["rules"])


class ViolationTypeOut(Schema):
    code: str
    name: str
    name_en: str
    violation_kind: str
    legal_basis: str
    # A code of /api/rules/sanctions, or "none".
    ethics_sanction: str
    discipline_sanction: str
    share_2020: float | None
    criminal_articles: list[str]
    source: str
    confirmed: bool
    note: str


class SanctionOptionOut(Schema):
    code: str
    name: str
    name_en: str
    months: int | None
    allowance_cut_percent: int | None


class SanctionOut(Schema):
    code: str
    name: str
    name_en: str
    tracks: list[str]
    severity: int
    legal_basis: str
    options: list[SanctionOptionOut]
    confirmed: bool
    note: str


class CriminalArticleOut(Schema):
    code: str
    election_kind: str
    law: str
    article: str
    prohibition: str | None
    offender: str
    offender_en: str
    description: str
    description_en: str
    prison_min_months: int | None
    prison_max_months: int
    fine_min_rp: int | None
    fine_max_rp: int
    penalty_mode: str
    confirmed: bool
    note: str


class DeadlineRuleOut(Schema):
    code: str
    name: str
    name_en: str
    track: str
    days: int | None
    hours: int | None
    unit: str
    # "from" is a Python keyword: read from the rule's `from_`, sent as "from".
    from_: str = Field(validation_alias="from_", serialization_alias="from")
    extends: str | None
    legal_basis: str
    confirmed: bool
    unit_confirmed: bool
    note: str


class RequirementOut(Schema):
    code: str
    kind: str
    name: str
    name_en: str
    legal_basis: str
    fields: list[str]
    deadline: str | None
    confirmed: bool
    note: str


class VersionOut(Schema):
    version: str
    sha256: str
    counts: dict[str, int]
    # When `load_rules` recorded this version; null if it has not been recorded yet.
    registered_at: datetime.datetime | None


@router.get(
    "/violation-types", response=list[ViolationTypeOut], summary="Jenis pelanggaran (taksonomi)"
)
def list_violation_types(
    request: HttpRequest, violation_kind: str | None = None
) -> list[ViolationType]:
    """SKB 2022 Lampiran II and PP 94/2021 acts with their ethics and discipline sanctions."""
    return list(selectors.violation_type_list(violation_kind=violation_kind))


@router.get(
    "/violation-types/{code}",
    response={200: ViolationTypeOut, **refusals(404)},
    summary="Satu jenis pelanggaran",
)
def get_violation_type(request: HttpRequest, code: str) -> ViolationType:
    return selectors.violation_type_get(code=code)


@router.get("/sanctions", response=list[SanctionOut], summary="Sanksi etik dan disiplin")
def list_sanctions(request: HttpRequest) -> list[Sanction]:
    return list(selectors.sanction_list())


@router.get(
    "/criminal-articles",
    response={200: list[CriminalArticleOut], **refusals(422)},
    summary="Pasal pidana",
)
def list_criminal_articles(
    request: HttpRequest, election_kind: ElectionKind | None = None
) -> list[CriminalArticle]:
    """Penal provisions on involving ASN and officials; fines in whole rupiah."""
    return list(selectors.criminal_article_list(election_kind=election_kind))


@router.get(
    "/deadlines",
    response={200: list[DeadlineRuleOut], **refusals(422)},
    by_alias=True,
    summary="Tenggat penanganan",
)
def list_deadlines(
    request: HttpRequest, kind: ElectionKind, track: str | None = None
) -> list[DeadlineRule]:
    """Deadlines for `pilkada` or `pemilu`, each counted in `unit` from the event `from`."""
    return list(selectors.deadline_rule_list(kind=kind, track=track))


@router.get("/requirements", response=list[RequirementOut], summary="Syarat formal dan materiel")
def list_requirements(request: HttpRequest, kind: str | None = None) -> list[Requirement]:
    return list(selectors.requirement_list(kind=kind))


@router.get("/version", response=VersionOut, summary="Versi buku aturan yang berlaku")
def get_version(request: HttpRequest) -> VersionOut:
    rulebook = selectors.rulebook_get()
    registered = selectors.rulebook_version_registered()
    return VersionOut(
        version=rulebook.version,
        sha256=rulebook.sha256,
        counts=rulebook.counts(),
        registered_at=registered.loaded_at if registered else None,
    )
