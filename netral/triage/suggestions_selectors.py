"""Reads for the suggestions beside a staff report page (issue #12, item 5): the violation
types the classifier ranks, the entities found in the chronology, the likely duplicates and
the reported person's record.

Everything here is computed when the page is read and stored nowhere: a suggestion changes
nothing until a staff member accepts it (``netral.triage.suggestions``). The report passed
in comes from a jurisdiction-scoped selector; the duplicates are scoped to the reports the
viewer may see, and the person's record to those the viewer's office may open.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import can
from netral.reports.handling_selectors import violation_type_names
from netral.reports.models import Report
from netral.triage.classify.predict import MAX_TEXT as CLASSIFY_MAX
from netral.triage.classify.predict import ModelStale, TypeScore, classify, shipped_model
from netral.triage.duplicates_selectors import duplicate_matches
from netral.triage.duplicates_store import report_signature
from netral.triage.extract import MAX_TEXT as EXTRACT_MAX
from netral.triage.extract import Entity, extract
from netral.triage.models import Person, PersonLink, Suggestion
from netral.triage.persons_selectors import repeat_offenders

logger = logging.getLogger(__name__)

# How many ranked types are shown (the rest are too unlikely to help).
SHOWN_TYPES = 3
SHOWN_DUPLICATES = 5
NONE = "none"
MODEL_UNAVAILABLE = gettext_noop(
    "Saran jenis pelanggaran tidak tersedia: model klasifikasi tidak dapat dimuat."
)
EXTRACT_MODEL = "extract"

KIND_LABELS = {
    "nip": gettext_lazy("NIP"),
    "nik": gettext_lazy("NIK"),
    "date": gettext_lazy("Tanggal"),
    "legal_ref": gettext_lazy("Dasar hukum"),
    "money": gettext_lazy("Nominal uang"),
    "candidate_pair": gettext_lazy("Pasangan calon"),
    "agency": gettext_lazy("Instansi"),
    "position": gettext_lazy("Jabatan"),
    "url": gettext_lazy("Tautan"),
}
KIND_ORDER = tuple(KIND_LABELS)


@dataclass(frozen=True)
class TypeSuggestion:
    code: str
    name: str
    confidence: float
    because: list[str]
    rank: int
    decision: Suggestion | None
    # The report already has this type.
    current: bool

    @property
    def percent(self) -> str:
        return number_format(self.confidence * 100, 0)

    @property
    def acceptable(self) -> bool:
        """Whether accepting it would fill the field (``none`` names no type)."""
        return self.code != NONE and not self.current and self.decision is None


@dataclass(frozen=True)
class EntityRow:
    kind: str
    kind_label: str
    text: str
    valid: bool
    detail: str
    reason: str
    # Valid NIPs only: the value accepting it would put in the report, and its decision.
    nip: str = ""
    decision: Suggestion | None = None
    fillable: bool = False


@dataclass(frozen=True)
class DuplicateRow:
    report: Report
    score: float
    reasons: list[str]
    # Handled by another office than the report's (``handling_region``).
    other_office: bool
    same_case: bool

    @property
    def percent(self) -> str:
        return number_format(self.score * 100, 0)


@dataclass(frozen=True)
class PersonSummary:
    person: Person
    status: str  # PersonLink.Status: linked or proposed
    offence_cases: int  # 0 unless a repeat offender


@dataclass(frozen=True)
class SuggestionPanel:
    report: Report
    types: list[TypeSuggestion]
    model: str
    classify_problem: str
    entities: list[EntityRow]
    duplicates: list[DuplicateRow]
    person: PersonSummary | None
    can_decide: bool


@dataclass(frozen=True)
class Offer:
    """One thing the panel offers for a report, as a decision records it."""

    kind: str
    value: str
    confidence: float | None
    rank: int | None
    because: list[str]
    model: str


def _reference_date(report: Report) -> datetime.date:
    return timezone.localdate(report.submitted_at)


def ranked_types(report: Report) -> tuple[list[TypeScore], str]:
    """The classifier's ranking of the report's chronology (best first, at most
    ``SHOWN_TYPES``) and the model's name; ``([], "")`` when no model can be loaded."""
    try:
        ranked = classify(text=report.chronology[:CLASSIFY_MAX])
        model = shipped_model().data_sha256
    except (ModelStale, OSError, ValueError, KeyError):
        logger.exception("triage classifier unavailable")
        return [], ""
    return ranked[:SHOWN_TYPES], model


def report_entities(report: Report) -> list[Entity]:
    """The entities of the chronology, relative dates counted from the day it came in."""
    return extract(report.chronology[:EXTRACT_MAX], reference_date=_reference_date(report))


def _valid_nips(entities: list[Entity]) -> list[str]:
    seen: list[str] = []
    for found in entities:
        nip = str(found.value.get("nip", "")) if found.kind == "nip" and found.valid else ""
        if nip and nip not in seen:
            seen.append(nip)
    return seen


def suggestion_offer(*, report: Report, kind: str, value: str) -> Offer | None:
    """What the panel offers now for ``kind``/``value`` on ``report``, or None when it does
    not offer that (a decision can only be about a suggestion the staff member saw)."""
    if kind == Suggestion.Kind.VIOLATION_TYPE:
        ranked, model = ranked_types(report)
        for rank, scored in enumerate(ranked, start=1):
            if scored.code == value:
                return Offer(kind, value, scored.confidence, rank, scored.because, model)
        return None
    if kind == Suggestion.Kind.NIP and value in _valid_nips(report_entities(report)):
        return Offer(kind, value, None, None, [], EXTRACT_MODEL)
    return None


def _detail(found: Entity) -> str:
    value = found.value
    if found.kind == "nip" and found.valid:
        birth = datetime.date.fromisoformat(value["birth_date"])
        year, month = (int(part) for part in str(value["appointment"]).split("-"))
        sex = _("laki-laki") if value.get("sex") == "L" else _("perempuan")
        return _("lahir %(birth)s, diangkat %(appointed)s, %(sex)s") % {
            "birth": date_format(birth, "j F Y"),
            "appointed": date_format(datetime.date(year, month, 1), "F Y"),
            "sex": sex,
        }
    if found.kind == "date" and value.get("date"):
        day = datetime.date.fromisoformat(str(value["date"]))
        return date_format(day, "j F Y" if value.get("precision") == "day" else "F Y")
    if found.kind == "money" and isinstance(value.get("amount"), int):
        return "Rp" + number_format(value["amount"], 0, force_grouping=True)
    if found.kind == "candidate_pair" and value.get("number") is not None:
        return _("nomor urut %(n)s") % {"n": value["number"]}
    if found.kind == "url":
        return str(value.get("platform") or value.get("host") or "")
    if found.kind in ("agency", "position"):
        return str(value.get("name") or "")
    return ""


def _entity_rows(
    report: Report, entities: list[Entity], decisions: dict[tuple[str, str], Suggestion]
) -> list[EntityRow]:
    rows: list[EntityRow] = []
    for found in sorted(entities, key=lambda e: (KIND_ORDER.index(e.kind), e.start)):
        nip = str(found.value.get("nip", "")) if found.kind == "nip" and found.valid else ""
        decision = decisions.get((Suggestion.Kind.NIP, nip)) if nip else None
        rows.append(
            EntityRow(
                kind=found.kind,
                kind_label=str(KIND_LABELS[found.kind]),
                text=found.text,
                valid=found.valid,
                detail=_detail(found),
                reason=found.reason or "",
                nip=nip,
                decision=decision,
                fillable=bool(nip) and not report.reported_nip and decision is None,
            )
        )
    return rows


def _duplicates(*, actor: User, report: Report) -> list[DuplicateRow]:
    """The reports the actor may see that likely tell the same event, best first."""
    matches = duplicate_matches(
        actor=actor,
        probe=report_signature(report),
        exclude_report_id=report.pk,
        limit=SHOWN_DUPLICATES,
    )
    if not matches:
        return []
    full = Report.objects.select_related("handling_region", "region").in_bulk(
        [m.report.pk for m in matches]
    )
    return [
        DuplicateRow(
            report=full[m.report.pk],
            score=m.score,
            reasons=m.reasons,
            other_office=full[m.report.pk].handling_region_id != report.handling_region_id,
            same_case=report.case_id is not None and full[m.report.pk].case_id == report.case_id,
        )
        for m in matches
        if m.report.pk in full
    ]


def _person(*, actor: User, report: Report) -> PersonSummary | None:
    """The report's person (linked, or proposed for staff to confirm)."""
    if not can(actor, "person.view"):
        return None
    link = (
        PersonLink.objects.filter(report=report)
        .exclude(status=PersonLink.Status.REJECTED)
        .select_related("person__merged_into")
        .first()
    )
    if link is None:
        return None
    person = link.person
    # A merged record points at the one it went into (merges are one level deep).
    if person.merged_into is not None:
        person = person.merged_into
    offences = repeat_offenders(person_ids=[person.pk]).get(person.pk, 0)
    return PersonSummary(person=person, status=link.status, offence_cases=offences)


def suggestion_panel_for(*, actor: User, report: Report) -> SuggestionPanel:
    """Everything the panel shows for ``report`` (from a scoped selector)."""
    decisions = {
        (d.kind, d.value): d
        for d in Suggestion.objects.filter(report=report).select_related("decided_by")
    }
    ranked, model = ranked_types(report)
    names = violation_type_names()
    types = [
        TypeSuggestion(
            code=scored.code,
            name=_("Bukan pelanggaran")
            if scored.code == NONE
            else names.get(scored.code, scored.code),
            confidence=scored.confidence,
            because=scored.because,
            rank=rank,
            decision=decisions.get((Suggestion.Kind.VIOLATION_TYPE, scored.code)),
            current=scored.code == report.violation_type,
        )
        for rank, scored in enumerate(ranked, start=1)
    ]
    return SuggestionPanel(
        report=report,
        types=types,
        model=model,
        classify_problem="" if model else _(MODEL_UNAVAILABLE),
        entities=_entity_rows(report, report_entities(report), decisions),
        duplicates=_duplicates(actor=actor, report=report),
        person=_person(actor=actor, report=report),
        can_decide=can(actor, "case.handle", report),
    )
