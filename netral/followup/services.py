"""Writes for follow-up. Each action: lock -> authorize -> validate -> save(update_fields) ->
audit entry. A recommendation is created by the plenary decision (``cases.services``) and
ends with the PPK's sanction, the end of the criminal path, or the addressee's answer."""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.db.models import Q
from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.cases.models import Case, Verdict
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.followup import criminal
from netral.followup.alerts import recommendation_arrived
from netral.followup.hooks import RecommendationChanged, recommendation_changed
from netral.followup.letters import letter_issue_for
from netral.followup.models import (
    DECREE_BLOBS,
    Addressee,
    CriminalStep,
    Escalation,
    Recommendation,
    RecStatus,
    Sanction,
)
from netral.followup.selectors import recommendation_list_for
from netral.followup.workflow import STEPS
from netral.regions.models import Region
from netral.reports.models import Report
from netral.reports.subjects import AgencyType
from netral.rules.selectors import (
    criminal_article_list,
    deadline_due,
    sanction_list,
    violation_type_get,
)

NOT_FOUND = "Rekomendasi tidak ditemukan."
NOT_NOW = "Tindakan ini tidak dapat dilakukan pada status '{status}'."
WRONG_ADDRESSEE = "Rekomendasi ini tidak ditujukan kepada instansi Anda."
ASSESSMENT_REQUIRED = "Hasil penilaian wajib diisi."
SANCTION_UNKNOWN = "Jenis sanksi tidak dikenal."
OPTION_UNKNOWN = "Bentuk sanksi tidak sesuai dengan jenis sanksinya."
DECREE_REQUIRED = "Nomor dan tanggal keputusan wajib diisi bila sanksi dijatuhkan."
DECREE_IN_FUTURE = "Tanggal keputusan tidak boleh di masa depan."
DECREE_BEFORE_DECISION = "Tanggal keputusan tidak boleh sebelum putusan Bawaslu."
REASON_REQUIRED = "Alasan tidak menjatuhkan sanksi wajib diisi."
RESPONSE_REQUIRED = "Isi tanggapan wajib diisi."
STAGE_NOT_NEXT = "Tahap '{stage}' tidak dapat menyusul tahap saat ini."
CANNOT_END_HERE = "Proses pidana tidak dapat diakhiri pada tahap ini."
OUTCOME_REQUIRED = "Hasil akhir proses pidana wajib diisi."
MEASURE_REQUIRED = "Uraian tindakan wajib diisi."
NOT_OVERDUE = "Tindakan BKN atas PPK hanya dapat dicatat bila tenggat PPK sudah lewat."

# Which verdict goes to whom (UU 1/2015 Ps. 134-135; UU 7/2017 Ps. 455; UU 20/2023 on ASN
# with BKN taking over KASN's neutrality supervision: ``../shared/domain.md``).
ADDRESSEE_FOR_VERDICT: dict[str, str] = {
    Verdict.ASN_NEUTRALITY: Addressee.BKN,
    Verdict.CRIMINAL: Addressee.GAKKUMDU,
    Verdict.ADMINISTRATIVE: Addressee.KPU,
    Verdict.ETHICS: Addressee.DKPP,
    Verdict.OTHER_LAW: Addressee.OTHER,
}
BODY: dict[str, str] = {
    Addressee.BKN: (
        "Berdasarkan putusan pleno Bawaslu atas perkara {register}, {subject} diduga melanggar "
        "netralitas ASN. Direkomendasikan kepada BKN untuk menilai dan meneruskan kepada Pejabat "
        "Pembina Kepegawaian agar menjatuhkan sanksi sesuai peraturan perundang-undangan."
    ),
    Addressee.GAKKUMDU: (
        "Perkara {register} diduga merupakan tindak pidana pemilihan ({articles}) dan diteruskan "
        "kepada Sentra Gakkumdu untuk ditindaklanjuti."
    ),
    Addressee.KPU: (
        "Perkara {register} merupakan pelanggaran administratif. Direkomendasikan kepada {name} "
        "untuk menindaklanjuti sesuai kewenangannya."
    ),
    Addressee.DKPP: (
        "Perkara {register} diduga merupakan pelanggaran kode etik penyelenggara dan diteruskan "
        "kepada DKPP."
    ),
    Addressee.OTHER: (
        "Perkara {register} diduga melanggar peraturan perundang-undangan lainnya dan diteruskan "
        "kepada instansi yang berwenang."
    ),
}


def _kind(case: Case) -> str:
    return case.election.cycle.kind


def _tz(region: Region | None) -> str:
    return region.tzinfo_name if region is not None else "Asia/Jakarta"


def _due(case: Case, code: str, start: datetime.datetime, region: Region | None) -> Any:
    """The rulebook deadline ``code`` for the case's election kind, or None where the
    rulebook has no such rule for that kind (e.g. Gakkumdu stages of a Pemilu)."""
    try:
        return deadline_due(kind=_kind(case), code=code, start=start, tz_name=_tz(region))
    except NotFound:
        return None


def ppk_region_for(report: Report) -> Region | None:
    """Whose personnel authority acts: the regency/city of a regional government employee,
    the province for a provincial one, none (national) for a central agency."""
    region = report.region
    if report.agency_type == AgencyType.CENTRAL:
        return None
    if report.agency_type == AgencyType.PROVINCE and region.parent_id:
        return region.parent
    return region


def _subjects(case: Case) -> list[Report]:
    """One report per distinct reported person (by NIP, else name and agency)."""
    seen: set[tuple[str, ...]] = set()
    people = []
    reports = Report.objects.filter(case=case).select_related("region__parent").order_by("pk")
    for report in reports:
        key = (
            (report.reported_nip,)
            if report.reported_nip
            else (report.reported_name.strip().lower(), report.agency.strip().lower())
        )
        if key not in seen:
            seen.add(key)
            people.append(report)
    return people


def _articles(case: Case) -> list[str]:
    if case.violation_type:
        try:
            listed = violation_type_get(code=case.violation_type).criminal_articles
        except NotFound:
            listed = ()
        if listed:
            return list(listed)
    return [a.code for a in criminal_article_list(election_kind=_kind(case))]


def addressee_name_for(case: Case, addressee: str) -> str:
    """Whom the letter is addressed to: the institution, at the deciding office's level where
    it has one there."""
    office = case.office_region.name
    names: dict[str, str] = {
        Addressee.BKN: "Badan Kepegawaian Negara",
        Addressee.GAKKUMDU: f"Sentra Gakkumdu {office}",
        Addressee.KPU: f"KPU {office}",
        Addressee.DKPP: "Dewan Kehormatan Penyelenggara Pemilu",
        Addressee.OTHER: "Instansi yang berwenang",
    }
    return names[addressee]


def recommendations_from_decision(*, actor: User, case: Case) -> list[Recommendation]:
    """One recommendation per violation verdict (for ASN neutrality, one per reported person),
    each to its addressee. Call inside the decision's transaction, with the case locked."""
    now = case.decided_at or clock.now()
    made: list[Recommendation] = []
    for verdict in case.verdicts:
        addressee = ADDRESSEE_FOR_VERDICT.get(verdict)
        if addressee is None:
            continue
        subjects: list[Report | None] = (
            list(_subjects(case)) if addressee == Addressee.BKN else [None]
        )
        for subject in subjects:
            made.append(
                _create(
                    actor=actor,
                    case=case,
                    addressee=addressee,
                    verdict=verdict,
                    subject=subject,
                    now=now,
                    index=len(made) + 1,
                )
            )
    return made


def recommendation_new(
    *,
    case: Case,
    addressee: str,
    verdict: str,
    subject: Report | None,
    articles: list[str],
    index: int,
    issued_at: datetime.datetime,
    issued_by: User,
) -> Recommendation:
    """The unsaved recommendation: addressee, letter body, number and the subject's details
    copied from the report (the issuing service and the demo loader both build it here)."""
    name = addressee_name_for(case, addressee)
    subject_label = f"{subject.reported_name} ({subject.agency})" if subject else ""
    rec = Recommendation(
        case=case,
        addressee=addressee,
        verdict=verdict,
        addressee_name=name,
        articles=articles,
        body=BODY[addressee].format(
            register=case.register_number or f"#{case.pk}",
            subject=subject_label,
            articles=", ".join(articles),
            name=name,
        ),
        number=f"{case.register_number or case.pk}/REK-{index}",
        issued_at=issued_at,
        issued_by=issued_by,
        status=RecStatus.IN_PROGRESS if addressee == Addressee.GAKKUMDU else RecStatus.ISSUED,
    )
    if subject is not None:
        rec.subject_name = subject.reported_name
        rec.subject_nip = subject.reported_nip
        rec.subject_agency = subject.agency
        rec.subject_agency_type = subject.agency_type
        rec.subject_position = subject.position
        rec.subject_position_class = subject.position_class
        rec.ppk_region = ppk_region_for(subject)
    return rec


def _create(
    *,
    actor: User,
    case: Case,
    addressee: str,
    verdict: str,
    subject: Report | None,
    now: datetime.datetime,
    index: int,
) -> Recommendation:
    rec = recommendation_new(
        case=case,
        addressee=addressee,
        verdict=verdict,
        subject=subject,
        articles=_articles(case) if addressee == Addressee.GAKKUMDU else [],
        index=index,
        issued_at=now,
        issued_by=actor,
    )
    if addressee == Addressee.GAKKUMDU:
        rec.criminal_stage = criminal.FIRST
        rec.due_at = _due(case, criminal.STAGES[criminal.FIRST].deadline, now, case.office_region)
    rec.save()
    if addressee == Addressee.GAKKUMDU:
        CriminalStep.objects.create(
            recommendation=rec,
            stage=criminal.FIRST,
            started_at=now,
            due_at=rec.due_at,
            recorded_by=actor,
        )
    audit_record(
        actor=actor,
        action="recommendation.issue",
        obj=rec,
        after={"addressee": addressee, "verdict": verdict, "number": rec.number},
    )
    # The letter is the formal act of forwarding: issued with the recommendation.
    letter_issue_for(actor=actor, rec=rec)
    recommendation_arrived(rec)
    recommendation_changed.fire(RecommendationChanged(recommendation=rec, action="issue"))
    return rec


def _locked(actor: User, rec_id: int, capability: str) -> Recommendation:
    rec = (
        recommendation_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related("case__office_region", "case__election__cycle", "ppk_region")
        .filter(pk=rec_id)
        .first()
    )
    if rec is None:
        raise NotFound(NOT_FOUND)
    require(actor, capability)
    return rec


def _locked_for(actor: User, rec_id: int, action: str) -> Recommendation:
    """Lock and authorize ``rec_id`` for ``action`` of the workflow table (``workflow``):
    404 outside the actor's desk, 403 without the right, and a refusal for a recommendation
    to another addressee or in a status the action does not start from."""
    step = STEPS[action]
    # One capability for the action: checked first. One per addressee (who records an
    # answer): the recommendation decides which.
    general = step.capability if isinstance(step.capability, str) else "recommendation.view"
    rec = _locked(actor, rec_id, general)
    if rec.addressee not in step.addressees:
        raise ApplicationError(WRONG_ADDRESSEE)
    if not isinstance(step.capability, str):
        require(actor, step.capability_for(rec), rec)
    if rec.status not in step.statuses:
        raise ApplicationError(NOT_NOW, params={"status": rec.get_status_display()})
    return rec


def _save(
    *, actor: User, rec: Recommendation, action: str, before: str, fields: list[str], **after: Any
) -> Recommendation:
    rec.save(update_fields=["status", *fields])
    audit_record(
        actor=actor,
        action=f"recommendation.{action}",
        obj=rec,
        before={"status": before},
        after={"status": rec.status, **after},
    )
    recommendation_changed.fire(RecommendationChanged(recommendation=rec, action=action))
    return rec


@audited
def recommendation_assess(
    *, actor: User, rec_id: int, assessment: str, sanction: str
) -> Recommendation:
    """BKN's assessment and the sanction it recommends, passed to the PPK; the PPK's
    follow-up deadline starts now (rule ``ppk_tindak_lanjut``)."""
    rec = _locked_for(actor, rec_id, "assess")
    if not assessment.strip():
        raise ApplicationError(ASSESSMENT_REQUIRED, field="assessment")
    if sanction not in {s.code for s in sanction_list()}:
        raise ApplicationError(SANCTION_UNKNOWN, field="sanction")
    now = clock.now()
    before = rec.status
    rec.status, rec.assessment, rec.recommended_sanction = (
        RecStatus.ASSESSED,
        assessment.strip(),
        sanction,
    )
    rec.assessed_at, rec.assessed_by = now, actor
    rec.due_at = _due(rec.case, "ppk_tindak_lanjut", now, rec.ppk_region)
    # The PPK's desk is a new desk: whoever BKN had on it no longer handles it.
    previous_assignee, rec.assignee = rec.assignee_id, None
    _save(
        actor=actor,
        rec=rec,
        action="assess",
        before=before,
        fields=[
            "assessment",
            "recommended_sanction",
            "assessed_at",
            "assessed_by",
            "due_at",
            "assignee",
        ],
        sanction=sanction,
        previous_assignee=previous_assignee,
    )
    recommendation_arrived(rec)
    return rec


@audited
def sanction_record(
    *,
    actor: User,
    rec_id: int,
    imposed: bool,
    decree_number: str = "",
    decree_date: datetime.date | None = None,
    sanction: str = "",
    option: str = "",
    reason: str = "",
    decree_file: bytes | None = None,
) -> Sanction:
    """The PPK's decision on a neutrality recommendation BKN passed on."""
    rec = _locked_for(actor, rec_id, "sanction")
    now = clock.now()
    if imposed:
        if not decree_number.strip() or decree_date is None:
            raise ApplicationError(DECREE_REQUIRED, field="decree_number")
        if decree_date > timezone.localdate(now):
            raise ApplicationError(DECREE_IN_FUTURE, field="decree_date")
        decided = rec.case.decided_at
        if decided is not None and decree_date < timezone.localdate(decided):
            raise ApplicationError(DECREE_BEFORE_DECISION, field="decree_date")
        known = {s.code: s for s in sanction_list()}
        if sanction not in known:
            raise ApplicationError(SANCTION_UNKNOWN, field="sanction")
        options = {o.code for o in known[sanction].options}
        if option and option not in options:
            raise ApplicationError(OPTION_UNKNOWN, field="option")
    elif not reason.strip():
        raise ApplicationError(REASON_REQUIRED, field="reason")
    record = Sanction(
        recommendation=rec,
        imposed=imposed,
        decree_number=decree_number.strip() if imposed else "",
        decree_date=decree_date if imposed else None,
        sanction=sanction if imposed else "",
        option=option if imposed else "",
        reason=reason.strip(),
        recorded_by=actor,
        recorded_at=now,
    )
    if decree_file:
        record.file_sha256 = hashlib.sha256(decree_file).hexdigest()
        record.file_path = blobs.put(DECREE_BLOBS, decree_file, label="bin")
    record.save()
    before = rec.status
    rec.status = RecStatus.SANCTIONED if imposed else RecStatus.NOT_IMPOSED
    # The deadline stays: it tells whether the PPK answered in time (never a countdown).
    rec.ended_at = now
    _save(
        actor=actor,
        rec=rec,
        action="sanction",
        before=before,
        fields=["ended_at"],
        imposed=imposed,
        sanction=record.sanction,
    )
    return record


@audited
def criminal_advance(*, actor: User, rec_id: int, stage: str, note: str = "") -> Recommendation:
    """Close the current stage of the criminal path and open ``stage`` with its deadline."""
    rec = _locked_for(actor, rec_id, "advance")
    if stage not in criminal.next_stages(rec.criminal_stage):
        raise ApplicationError(STAGE_NOT_NEXT, params={"stage": criminal.stage_label(stage)})
    now = clock.now()
    CriminalStep.objects.filter(recommendation=rec, completed_at__isnull=True).update(
        completed_at=now
    )
    deadline = criminal.STAGES[stage].deadline
    due = _due(rec.case, deadline, now, rec.case.office_region) if deadline else None
    CriminalStep.objects.create(
        recommendation=rec, stage=stage, started_at=now, due_at=due, note=note, recorded_by=actor
    )
    before_stage = rec.criminal_stage
    rec.criminal_stage, rec.due_at = stage, due
    return _save(
        actor=actor,
        rec=rec,
        action="criminal_advance",
        before=rec.status,
        fields=["criminal_stage", "due_at"],
        stage_from=before_stage,
        stage_to=stage,
    )


@audited
def criminal_conclude(*, actor: User, rec_id: int, outcome: str) -> Recommendation:
    """End the criminal path at its current stage (stopped, verdict final) with the outcome."""
    rec = _locked_for(actor, rec_id, "conclude")
    if not criminal.STAGES[rec.criminal_stage].may_end:
        raise ApplicationError(CANNOT_END_HERE)
    if not outcome.strip():
        raise ApplicationError(OUTCOME_REQUIRED, field="outcome")
    now = clock.now()
    CriminalStep.objects.filter(recommendation=rec, completed_at__isnull=True).update(
        completed_at=now, note=outcome.strip()
    )
    before = rec.status
    # The last stage's deadline stays: it tells whether the path ended in time.
    rec.status, rec.response, rec.ended_at = RecStatus.CONCLUDED, outcome.strip(), now
    return _save(
        actor=actor,
        rec=rec,
        action="criminal_conclude",
        before=before,
        fields=["response", "ended_at"],
        stage=rec.criminal_stage,
    )


@audited
def recommendation_respond(*, actor: User, rec_id: int, response: str) -> Recommendation:
    rec = _locked_for(actor, rec_id, "respond")
    if not response.strip():
        raise ApplicationError(RESPONSE_REQUIRED, field="response")
    before = rec.status
    rec.status, rec.response, rec.ended_at = RecStatus.RESPONDED, response.strip(), clock.now()
    return _save(
        actor=actor, rec=rec, action="respond", before=before, fields=["response", "ended_at"]
    )


def overdue_ppk_q(now: datetime.datetime) -> Q:
    return Q(addressee=Addressee.BKN, status=RecStatus.ASSESSED, due_at__lt=now)


@audited
def escalations_flag_overdue(*, now: datetime.datetime | None = None) -> list[int]:
    """Flag every neutrality recommendation whose PPK let the deadline pass (once each), so
    BKN's and Bawaslu's desks show it; returns the ids flagged now. Run daily (``tasks``)."""
    now = now or clock.now()
    pending = Recommendation.objects.filter(overdue_ppk_q(now)).exclude(
        escalations__kind=Escalation.Kind.OVERDUE
    )
    flagged: list[int] = []
    for rec in pending.select_for_update(of=("self",)):
        Escalation.objects.create(recommendation=rec, kind=Escalation.Kind.OVERDUE, created_at=now)
        audit_record(
            actor=None,
            action="recommendation.overdue",
            obj=rec,
            after={"due_at": rec.due_at.isoformat() if rec.due_at else None},
        )
        recommendation_changed.fire(RecommendationChanged(recommendation=rec, action="overdue"))
        flagged.append(rec.pk)
    return flagged


@audited
def escalation_measure_record(*, actor: User, rec_id: int, measure: str) -> Escalation:
    """The measure BKN takes against a PPK that ignored the deadline (e.g. blocking the
    employee's personnel data)."""
    rec = _locked_for(actor, rec_id, "measure")
    if rec.due_at is None or rec.due_at >= clock.now():
        raise ApplicationError(NOT_OVERDUE)
    if not measure.strip():
        raise ApplicationError(MEASURE_REQUIRED, field="measure")
    escalation = Escalation.objects.create(
        recommendation=rec,
        kind=Escalation.Kind.MEASURE,
        measure=measure.strip(),
        created_at=clock.now(),
        created_by=actor,
    )
    audit_record(actor=actor, action="recommendation.measure", obj=rec, after={"measure": measure})
    return escalation
