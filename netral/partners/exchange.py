"""Reads of the case exchange: a decided case as a document of the published schema
(``exchange_schema``), one case or a page of them, with what the caller may see.

Who sees what: Bawaslu staff the decided cases of their jurisdiction with every
recommendation; a partner desk (BKN, PPK office, Sentra Gakkumdu, KPU) only cases with a
recommendation its desk sees (``followup.selectors.recommendation_list_for``: its addressee,
its region, a PPK only once BKN passed it on), and only those recommendations. Official
documents are listed by number, kind and SHA-256 (about the case and those recommendations);
evidence hashes go to those who receive the case file (Bawaslu, BKN, Gakkumdu). Nothing
carries a name, NIP, NIK, contact or receipt code: no report text, no letter body.
"""

from __future__ import annotations

import contextlib
import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from netral.accounts.models import Role, User
from netral.accounts.permissions import has_capability, require
from netral.cases.models import Case, Status
from netral.cases.services import case_list_for
from netral.common import clock
from netral.common.errors import NotFound
from netral.documents.models import IssuedDocument
from netral.followup.models import Recommendation
from netral.followup.selectors import recommendation_list_for
from netral.partners.exchange_schema import SCHEMA_NAME
from netral.reports.models import Evidence
from netral.rules.selectors import criminal_article_get, violation_type_get

CASE_NOT_FOUND = "Kasus yang sudah diputus tidak ditemukan."
PAGE_MAX = 50
DECIDED = (Status.DECIDED, Status.ANNOUNCED, Status.CLOSED)
# Who receives the case file's evidence (``cases.casefile``): they get the evidence hashes.
EVIDENCE_ROLES = frozenset(
    {Role.BAWASLU_STAFF, Role.BAWASLU_LEADER, Role.BKN_OFFICER, Role.GAKKUMDU}
)


def _iso(value: datetime.datetime | datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def exchange_case_list_for(*, actor: User) -> QuerySet[Case]:
    """The decided cases ``actor`` may hand over or answer (see the module's docstring)."""
    require(actor, "case.exchange")
    cases = Case.objects.filter(status__in=DECIDED, decided_at__isnull=False)
    if has_capability(actor, "case.view"):
        return cases.filter(pk__in=case_list_for(actor=actor).values("pk"))
    return cases.filter(pk__in=recommendation_list_for(actor=actor).values("case_id"))


def _legal_basis(case: Case, recs: list[Recommendation]) -> list[str]:
    basis: list[str] = []
    if case.violation_type:
        with contextlib.suppress(NotFound):
            basis.append(violation_type_get(code=case.violation_type).legal_basis)
    for code in sorted({a for rec in recs for a in rec.articles}):
        try:
            article = criminal_article_get(code=code)
        except NotFound:
            continue
        basis.append(f"{article.law} {article.article}")
    return basis


def _recommendation(rec: Recommendation) -> dict[str, Any]:
    sanction = getattr(rec, "sanction", None)
    return {
        "id": rec.pk,
        "number": rec.number,
        "letter_number": rec.letter_number,
        "addressee": rec.addressee,
        "addressee_name": rec.addressee_name,
        "verdict": rec.verdict,
        "status": rec.status,
        "issued_at": _iso(rec.issued_at),
        "due_at": _iso(rec.due_at),
        "ended_at": _iso(rec.ended_at),
        "ppk_region": rec.ppk_region_id,
        "criminal_articles": list(rec.articles),
        "criminal_stage": rec.criminal_stage,
        "assessed_at": _iso(rec.assessed_at),
        "recommended_sanction": rec.recommended_sanction,
        "sanction": (
            {
                "imposed": sanction.imposed,
                "decree_number": sanction.decree_number,
                "decree_date": _iso(sanction.decree_date),
                "sanction": sanction.sanction,
                "option": sanction.option,
                "decree_sha256": sanction.file_sha256 or None,
            }
            if sanction is not None
            else None
        ),
    }


@dataclass(frozen=True)
class _Related:
    recs: dict[int, list[Recommendation]]
    documents: dict[tuple[str, str], list[IssuedDocument]]
    evidence: dict[int, list[dict[str, Any]]]


def _related(actor: User, cases: list[Case]) -> _Related:
    """Everything the documents of ``cases`` list, in four queries whatever their number."""
    ids = [c.pk for c in cases]
    recs: dict[int, list[Recommendation]] = defaultdict(list)
    visible = (
        recommendation_list_for(actor=actor)
        .filter(case_id__in=ids)
        .select_related("sanction")
        .order_by("pk")
    )
    for rec in visible:
        recs[rec.case_id].append(rec)
    rec_ids = [str(r.pk) for group in recs.values() for r in group]
    about = Q(subject_type="case", subject_id__in=[str(i) for i in ids]) | Q(
        subject_type="recommendation", subject_id__in=rec_ids
    )
    documents: dict[tuple[str, str], list[IssuedDocument]] = defaultdict(list)
    for doc in IssuedDocument.objects.filter(about, sha256__isnull=False).order_by("pk"):
        documents[(doc.subject_type, doc.subject_id)].append(doc)
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if actor.role in EVIDENCE_ROLES:
        rows = (
            Evidence.objects.filter(report__case_id__in=ids)
            .order_by("received_at", "pk")
            .values("report__case_id", "kind", "size", "sha256", "received_at")
        )
        for row in rows:
            evidence[row["report__case_id"]].append(
                {
                    "kind": row["kind"],
                    "size": row["size"],
                    "sha256": row["sha256"],
                    "received_at": _iso(row["received_at"]),
                }
            )
    return _Related(recs=recs, documents=documents, evidence=evidence)


def _document(case: Case, related: _Related, now: datetime.datetime) -> dict[str, Any]:
    recs = related.recs.get(case.pk, [])
    docs = list(related.documents.get(("case", str(case.pk)), []))
    for rec in recs:
        docs += related.documents.get(("recommendation", str(rec.pk)), [])
    decision: dict[str, Any] = {
        "verdicts": list(case.verdicts),
        "legal_basis": _legal_basis(case, recs),
    }
    if case.announced_at is not None:
        decision["public_summary"] = case.public_summary  # published, redacted
    document: dict[str, Any] = {
        "schema": SCHEMA_NAME,
        "kind": "case",
        "generated_at": now.isoformat(),
        "case": {
            "id": case.pk,
            "register_number": case.register_number,
            "origin": case.origin,
            "status": case.status,
            "office": {"region": case.office_region_id, "name": case.office_region.name},
            "election": {"id": case.election_id, "name": case.election.name},
            "violation_type": case.violation_type,
            "received_at": _iso(case.received_at),
            "registered_at": _iso(case.registered_at),
            "decided_at": _iso(case.decided_at),
            "announced_at": _iso(case.announced_at),
        },
        "decision": decision,
        "recommendations": [_recommendation(rec) for rec in recs],
        "documents": [
            {
                "number": d.number,
                "kind": d.kind,
                "issued_at": _iso(d.issued_at),
                "sha256": d.sha256,
            }
            for d in docs
        ],
    }
    return document


def _documents(actor: User, cases: list[Case]) -> list[dict[str, Any]]:
    related = _related(actor, cases)
    now = clock.now()
    out = []
    for case in cases:
        doc = _document(case, related, now)
        if actor.role in EVIDENCE_ROLES:
            doc["evidence"] = related.evidence.get(case.pk, [])
        out.append(doc)
    return out


def exchange_case_get(*, actor: User, case_id: int) -> dict[str, Any]:
    """The exchange document of one decided case; 404 when ``actor`` may not see it."""
    case = (
        exchange_case_list_for(actor=actor)
        .select_related("office_region", "election")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    return _documents(actor, [case])[0]


@dataclass(frozen=True)
class ExchangePage:
    count: int
    limit: int
    offset: int
    documents: list[dict[str, Any]]


def exchange_case_page(
    *,
    actor: User,
    decided_after: datetime.date | None = None,
    decided_before: datetime.date | None = None,
    office: str | None = None,
    limit: int = PAGE_MAX,
    offset: int = 0,
) -> ExchangePage:
    """A page of exchange documents, oldest decision first; the dates are inclusive, in
    the server's time zone (Asia/Jakarta); ``office``: the deciding office's region code."""
    cases = exchange_case_list_for(actor=actor)
    if decided_after is not None:
        cases = cases.filter(decided_at__date__gte=decided_after)
    if decided_before is not None:
        cases = cases.filter(decided_at__date__lte=decided_before)
    if office:
        cases = cases.filter(office_region_id=office)
    limit = max(1, min(limit, PAGE_MAX))
    page = list(
        cases.select_related("office_region", "election").order_by("decided_at", "pk")[
            offset : offset + limit
        ]
    )
    return ExchangePage(
        count=cases.count(),
        limit=limit,
        offset=offset,
        documents=_documents(actor, page) if page else [],
    )
