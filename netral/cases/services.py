"""Writes for cases. Each action: lock -> authorize -> check the workflow -> validate ->
save(update_fields) -> audit entry -> notify after commit."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import jurisdiction_q, require
from netral.audit.services import audit_record, audited
from netral.cases.first_report import case_first_report_refresh, first_report_values
from netral.cases.hooks import (
    CaseEvent,
    CaseTransition,
    case_decided,
    case_may_close,
    case_transitioned,
)
from netral.cases.models import Case, NotRegisteredReason, RegisterCounter, Status, Verdict
from netral.cases.redaction import Redactor
from netral.cases.routing import effective_receipt, office_region_for
from netral.cases.search import case_search_refresh
from netral.cases.workflow import FINAL, IN_PLACE, OPEN_FOR_HANDLING, TRANSITIONS, allowed
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound
from netral.regions.models import Region
from netral.reports.handling import case_reports_reroute, report_case_set
from netral.reports.models import Report
from netral.reports.tasks import notify_reporter
from netral.rules.selectors import deadline_due, office_hours_get, requirement_list

CASE_NOT_FOUND = "Kasus tidak ditemukan."
NOT_ALLOWED_NOW = "Tindakan '{action}' tidak dapat dilakukan pada status '{status}'."
REASON_REQUIRED = "Alasan wajib diisi."
FORMAL_UNMET = "Syarat formal belum terpenuhi: {missing}."
MATERIAL_UNMET = (
    "Syarat materiel belum terpenuhi: {missing}. Minta kelengkapan kepada pelapor atau "
    "tetapkan laporan tidak diregistrasi."
)
VERDICT_REQUIRED = "Pilih sekurang-kurangnya satu jenis putusan."
NO_VIOLATION_ALONE = "'Bukan pelanggaran' tidak dapat digabung dengan jenis pelanggaran lain."
STUDY_REQUIRED = "Kajian (fakta, analisis, kesimpulan) harus diisi sebelum pleno."
ALREADY_EXTENDED = "Tenggat sudah pernah diperpanjang."
SUMMARY_REQUIRED = "Ringkasan status untuk publik wajib diisi."
FOLLOWUP_OPEN = "Kasus belum dapat ditutup: {count} rekomendasi belum selesai ditindaklanjuti."
MERGE_TARGET_FINAL = "Kasus tujuan sudah selesai atau telah digabung ke kasus lain."
MERGE_TARGET_ELSEWHERE = "Kasus tujuan harus ditangani kantor yang sama untuk pemilihan yang sama."
SAME_CASE = "Kasus tidak dapat digabung dengan dirinya sendiri."

# Per election kind: the handling deadline before and after an extension, and whether it
# counts from receipt or from registration (rules/data: deadlines.toml).
HANDLING_RULES = {
    "pilkada": ("tindak_lanjut", "tindak_lanjut_keterangan_tambahan", "received"),
    "pemilu": ("tindak_lanjut", "tindak_lanjut_perpanjangan", "registered"),
}


def _later(
    old: datetime.datetime | None, new: datetime.datetime | None
) -> datetime.datetime | None:
    """Deadlines never move earlier."""
    if old is None or new is None:
        return new or old
    return max(old, new)


def case_handling_due(case: Case) -> datetime.datetime | None:
    kind = case.election.cycle.kind
    normal, extended, counts_from = HANDLING_RULES[kind]
    start = case.received_at if counts_from == "received" else case.registered_at
    if start is None:
        return None
    return deadline_due(
        kind=kind,
        code=extended if case.extended else normal,
        start=start,
        tz_name=case.office_region.tzinfo_name,
    )


def case_open_for_report(*, report: Report) -> Case:
    """Open the case of a report about to be stored (``report_opening``: the report is not
    saved yet) and route it to the office with jurisdiction: the case is inserted and set on
    the report, whose row is then written once with it. Called by the intake inside its
    transaction (no savepoint of its own: a failure undoes the whole intake); the audit entry
    follows once the report has its id (``case_open_audit``). Its search document is written
    by the post-intake task (``reports.received``)."""
    cycle = report.election.cycle
    office = office_region_for(election=report.election, event_region=report.region)
    stage = cycle.stage_on(timezone.localdate(report.submitted_at))
    received = effective_receipt(
        at=report.submitted_at,
        tz=ZoneInfo(office.tzinfo_name),
        hours=office_hours_get(),
        stage=stage.code if stage else None,
    )
    case = Case(
        origin=report.kind,
        office_region=office,
        election=report.election,
        violation_type=report.violation_type,
        received_at=received,
        **first_report_values(report),  # its only report, so its first
    )
    # A finding (temuan) is handled under the same deadline rule as a laporan.
    formal = report.kind in (Report.Kind.LAPORAN, Report.Kind.TEMUAN)
    case.due_at = case_handling_due(case) if formal else None
    case.save()
    report_case_set(report=report, case=case, office_region=office)
    # Its search document follows in the post-intake task (``handlers.search_index_received``).
    return case


def case_open_audit(*, report: Report) -> None:
    """The trail's entry of the case just opened for ``report`` (now stored); inside the
    intake's ``audit_deferred``, appended with the report's own entry."""
    case = report.case
    assert case is not None, "report_opening opens the case first"
    audit_record(
        actor=None,
        action="case.open",
        obj=case,
        after={"office": case.office_region_id, "report": report.pk, "due_at": case.due_at},
    )


def case_list_for(*, actor: User) -> Any:
    require(actor, "case.view")
    return Case.objects.filter(jurisdiction_q(actor, "office_region"))


def _case_for_update(
    actor: User, case_id: int, related: tuple[str, ...] = ("election__cycle", "office_region")
) -> Case:
    """The actor's case, its row locked, or NotFound. Only the case row: without ``of``
    PostgreSQL would also lock the joined election cycle (one row for every Pilkada 2024
    case) and the office's region."""
    case = (
        case_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related(*related)
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    return case


def _locked(actor: User, case_id: int, action: str) -> tuple[Case, str]:
    case = _case_for_update(actor, case_id)
    transition = TRANSITIONS[action]
    require(actor, transition.capability, case)
    if not allowed(case.status, action):
        raise ApplicationError(NOT_ALLOWED_NOW, params={"action": action, "status": case.status})
    return case, case.status


def _finish(
    *, actor: User, case: Case, action: str, before: str, fields: list[str], **audit: Any
) -> Case:
    case.status = TRANSITIONS[action].target
    if case.status not in OPEN_FOR_HANDLING and case.finished_at is None:
        # Handling ended (decided, not registered, merged): no countdown from now on.
        case.finished_at = case.decided_at or clock.now()
        fields = [*fields, "finished_at"]
    case.save(update_fields=["status", *fields])
    audit_record(
        actor=actor,
        action=f"case.{action}",
        obj=case,
        before={"status": before},
        after={"status": case.status, **audit},
    )
    case_transitioned.fire(CaseTransition(actor=actor, case=case, action=action, before=before))
    _notify_reporters(case)
    return case


def _notify_reporters(case: Case) -> None:
    """Every reporter of the case hears that its status changed (after commit)."""
    report_ids = list(Report.objects.filter(case=case).values_list("pk", flat=True))

    def send() -> None:
        for report_id in report_ids:
            notify_reporter.enqueue(report_id=report_id, event="status")

    transaction.on_commit(send, robust=True)


@audited
def case_request_completion(*, actor: User, case_id: int, missing: list[str]) -> Case:
    case, before = _locked(actor, case_id, "request_completion")
    if not missing:
        raise ApplicationError(REASON_REQUIRED, field="missing")
    now = clock.now()
    case.completion_due_at = deadline_due(
        kind=case.election.cycle.kind,
        code="kelengkapan_laporan",
        start=now,
        tz_name=case.office_region.tzinfo_name,
    )
    case.checklist = {**case.checklist, "missing": missing}
    return _finish(
        actor=actor,
        case=case,
        action="request_completion",
        before=before,
        fields=["completion_due_at", "checklist"],
        missing=missing,
    )


def _next_register_number(case: Case, at: datetime.datetime) -> str:
    counter, _ = RegisterCounter.objects.select_for_update().get_or_create(
        office_region=case.office_region, year=at.year, origin=case.origin
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][at.month - 1]
    kind = "TM" if case.origin == "temuan" else "LP"
    election = "PU" if case.election.cycle.kind == "pemilu" else "PK"
    return f"{counter.last:03d}/Reg/{kind}/{election}/{case.office_region_id}/{roman}/{at.year}"


@audited
def case_register(
    *,
    actor: User,
    case_id: int,
    formal: dict[str, bool],
    material: dict[str, bool] | None = None,
) -> Case:
    """Register a case whose requirements are all met (checklist from the rulebook): every
    formal one, and every material one when ``material`` is given (the case page always
    gives it; callers that only attest the formal ones leave it out). An unmet requirement
    refuses registration: the office asks for completion or does not register."""
    case, before = _locked(actor, case_id, "register")
    checklist = {**case.checklist}
    checks = [("formal", formal, FORMAL_UNMET)]
    if material is not None:
        checks.append(("material", material, MATERIAL_UNMET))
    for kind, ticked, message in checks:
        requirements = requirement_list(kind=kind)
        missing = [r.name for r in requirements if not ticked.get(r.code)]
        if missing:
            raise ApplicationError(message, field=kind, params={"missing": "; ".join(missing)})
        checklist[kind] = {r.code: True for r in requirements}
    now = clock.now()
    case.registered_at = now
    case.register_number = _next_register_number(case, now)
    case.checklist = checklist
    case.due_at = _later(case.due_at, case_handling_due(case))
    case = _finish(
        actor=actor,
        case=case,
        action="register",
        before=before,
        fields=["registered_at", "register_number", "checklist", "due_at"],
        register_number=case.register_number,
    )
    case_search_refresh(case_ids=[case.pk])  # the register number is searchable
    return case


@audited
def case_not_register(*, actor: User, case_id: int, reason: str, note: str) -> Case:
    case, before = _locked(actor, case_id, "not_register")
    if reason not in NotRegisteredReason.values:
        raise ApplicationError(REASON_REQUIRED, field="reason")
    case.not_registered_reason = reason
    case.decision_reason = note.strip()
    return _finish(
        actor=actor,
        case=case,
        action="not_register",
        before=before,
        fields=["not_registered_reason", "decision_reason"],
        reason=reason,
    )


@audited
def case_start_clarification(*, actor: User, case_id: int) -> Case:
    case, before = _locked(actor, case_id, "start_clarification")
    return _finish(actor=actor, case=case, action="start_clarification", before=before, fields=[])


@audited
def case_start_study(*, actor: User, case_id: int) -> Case:
    case, before = _locked(actor, case_id, "start_study")
    return _finish(actor=actor, case=case, action="start_study", before=before, fields=[])


@audited
def case_record_study(
    *, actor: User, case_id: int, facts: str, analysis: str, conclusion: str
) -> Case:
    """Write the study (kajian); only while the case is in the study step."""
    case = _case_for_update(actor, case_id, related=())
    require(actor, "case.handle", case)
    if case.status != Status.STUDY:
        raise ApplicationError(
            NOT_ALLOWED_NOW, params={"action": "record_study", "status": case.status}
        )
    case.study_facts, case.study_analysis, case.study_conclusion = (
        facts.strip(),
        analysis.strip(),
        conclusion.strip(),
    )
    case.save(update_fields=["study_facts", "study_analysis", "study_conclusion"])
    audit_record(actor=actor, action="case.record_study", obj=case)
    return case


@audited
def case_decide(*, actor: User, case_id: int, verdicts: list[str], reason: str) -> Case:
    """The plenary decision, by leadership."""
    case, before = _locked(actor, case_id, "decide")
    chosen = sorted(set(verdicts))
    if not chosen or any(v not in Verdict.values for v in chosen):
        raise ApplicationError(VERDICT_REQUIRED, field="verdicts")
    if Verdict.NO_VIOLATION in chosen and len(chosen) > 1:
        raise ApplicationError(NO_VIOLATION_ALONE, field="verdicts")
    if not (case.study_facts and case.study_analysis and case.study_conclusion):
        raise ApplicationError(STUDY_REQUIRED, field="study")
    if not reason.strip():
        raise ApplicationError(REASON_REQUIRED, field="reason")
    case.verdicts, case.decision_reason, case.decided_at = chosen, reason.strip(), clock.now()
    _finish(
        actor=actor,
        case=case,
        action="decide",
        before=before,
        fields=["verdicts", "decision_reason", "decided_at"],
        verdicts=chosen,
    )
    # Every violation found goes to its addressee (BKN, Gakkumdu, KPU, DKPP, other): the
    # follow-up app listens (``cases.hooks``), in this transaction.
    case_decided.fire(CaseEvent(actor=actor, case=case))
    return case


@audited
def case_announce(*, actor: User, case_id: int, summary: str) -> Case:
    """Publish the status (the public summary must carry no personal data)."""
    case, before = _locked(actor, case_id, "announce")
    if not summary.strip():
        raise ApplicationError(SUMMARY_REQUIRED, field="summary")
    # What staff redacted in the case's texts does not leave in the announcement either.
    case.public_summary, case.announced_at = Redactor(case.pk).clean(summary.strip()), clock.now()
    return _finish(
        actor=actor,
        case=case,
        action="announce",
        before=before,
        fields=["public_summary", "announced_at"],
    )


@audited
def case_close(*, actor: User, case_id: int) -> Case:
    case, before = _locked(actor, case_id, "close")
    # Follow-up (and any app above) answers how many of its items are still open.
    open_followups = sum(case_may_close.ask(case))
    if open_followups:
        raise ApplicationError(FOLLOWUP_OPEN, params={"count": open_followups})
    case.closed_at = clock.now()
    return _finish(actor=actor, case=case, action="close", before=before, fields=["closed_at"])


@audited
def case_extend(*, actor: User, case_id: int, reason: str) -> Case:
    """Extend the handling deadline once, with a recorded reason (Pilkada: +2 days)."""
    case = _case_for_update(actor, case_id)
    require(actor, "case.handle", case)
    if case.status not in OPEN_FOR_HANDLING:
        raise ApplicationError(NOT_ALLOWED_NOW, params={"action": "extend", "status": case.status})
    if case.extended:
        raise ApplicationError(ALREADY_EXTENDED)
    if not reason.strip():
        raise ApplicationError(REASON_REQUIRED, field="reason")
    before = case.due_at
    case.extended, case.extension_reason = True, reason.strip()
    case.due_at = _later(case.due_at, case_handling_due(case))
    case.save(update_fields=["extended", "extension_reason", "due_at"])
    audit_record(
        actor=actor,
        action="case.extend",
        obj=case,
        before={"due_at": before},
        after={"due_at": case.due_at},
        reason=case.extension_reason,
    )
    return case


@audited
def case_merge(*, actor: User, case_id: int, into_id: int) -> Case:
    """Link a duplicate into another case: its reports move over (each reporter keeps
    tracking with their own code); the duplicate leaves the workflow."""
    if case_id == into_id:
        raise ApplicationError(SAME_CASE)
    # Both rows, in id order whichever way round the request names them: A->B and B->A at
    # the same time would otherwise each hold one case and wait for the other.
    list(
        case_list_for(actor=actor)
        .select_for_update(of=("self",))
        .filter(pk__in=sorted({case_id, into_id}))
        .order_by("pk")
    )
    case, before = _locked(actor, case_id, "merge")
    target = case_list_for(actor=actor).filter(pk=into_id).first()  # locked above
    if target is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.handle", target)
    # The form offers only fitting targets; the service refuses the rest from any interface.
    if target.status in FINAL:
        raise ApplicationError(MERGE_TARGET_FINAL, field="into_id")
    if (target.office_region_id, target.election_id) != (case.office_region_id, case.election_id):
        raise ApplicationError(MERGE_TARGET_ELSEWHERE, field="into_id")
    case_reports_reroute(
        case_id=case.pk, office_region=target.office_region, into_case_id=target.pk
    )
    case_search_refresh(case_ids=[case.pk, target.pk])
    # The target's first report may now be one of the moved ones; the merged case has none.
    case_first_report_refresh(case_ids=[case.pk, target.pk])
    case.merged_into = target
    return _finish(
        actor=actor,
        case=case,
        action="merge",
        before=before,
        fields=["merged_into"],
        into=target.pk,
    )


NOT_INFORMATION = "Hanya kasus dari informasi awal yang dapat dijadikan temuan."
FINDING_TOO_LATE = "Kasus berstatus '{status}' tidak dapat lagi dijadikan temuan."


@audited
def case_to_finding(*, actor: User, case_id: int) -> Case:
    """Anonymous information taken up as a finding (temuan): the case becomes a temuan case
    with a laporan's handling deadline, with a case audit entry. Refused once the office has
    decided on it (workflow ``IN_PLACE["to_finding"]``). Called by the reports app's hook,
    inside the transaction that reclassified the report."""
    case = _case_for_update(actor, case_id)
    rule = IN_PLACE["to_finding"]
    require(actor, rule.capability, case)
    if case.status not in rule.sources:
        raise ApplicationError(FINDING_TOO_LATE, params={"status": Status(case.status).label})
    if case.origin != "informasi":
        raise ApplicationError(NOT_INFORMATION)
    before = {"origin": case.origin, "due_at": case.due_at}
    case.origin = "temuan"
    case.due_at = _later(case.due_at, case_handling_due(case))
    case.save(update_fields=["origin", "due_at"])
    audit_record(
        actor=actor,
        action="case.to_finding",
        obj=case,
        before=before,
        after={"origin": case.origin, "due_at": case.due_at},
    )
    return case


HANDOVER_SAME_OFFICE = "Kantor tujuan sama dengan kantor saat ini."
HANDOVER_UNKNOWN_REGION = "Kantor tujuan tidak ditemukan."
HANDOVER_NOT_COMPETENT = "Kantor tujuan tidak berwenang menangani kasus pemilihan ini."


def _may_handle_election(case: Case, target: Region) -> bool:
    """A legitimate handling office for the case's election: any office for a national
    election; for a Pilkada, the election's region, its parent province, or a regency below
    the election's region (so a provincial office may take over or delegate in its province)."""
    region = case.election.region
    if region is None:
        return True
    return target.code in (region.code, region.parent_id) or target.parent_id == region.code


@audited
def case_handover(*, actor: User, case_id: int, to_region_code: str, reason: str) -> Case:
    """Hand the case over (pelimpahan) to another Bawaslu office, with a recorded reason.
    Deadlines keep running; the old office loses sight of the case through its jurisdiction."""
    case = _case_for_update(actor, case_id, related=("election__region", "office_region"))
    require(actor, "case.handle", case)
    if case.status not in OPEN_FOR_HANDLING:
        raise ApplicationError(
            NOT_ALLOWED_NOW, params={"action": "handover", "status": case.status}
        )
    if not reason.strip():
        raise ApplicationError(REASON_REQUIRED, field="reason")
    target = Region.objects.filter(code=to_region_code.strip()).first()
    if target is None:
        raise ApplicationError(HANDOVER_UNKNOWN_REGION, field="to_region_code")
    if target.code == case.office_region_id:
        raise ApplicationError(HANDOVER_SAME_OFFICE, field="to_region_code")
    if not _may_handle_election(case, target):
        raise ApplicationError(HANDOVER_NOT_COMPETENT, field="to_region_code")
    before, before_assignee = case.office_region_id, case.assignee_id
    case.office_region = target
    # The assignee belongs to the old office: the new one divides its own work.
    case.assignee = None
    case.save(update_fields=["office_region", "assignee"])
    # The reports go with the case: the old office loses sight of them too.
    case_reports_reroute(case_id=case.pk, office_region=target)
    audit_record(
        actor=actor,
        action="case.handover",
        obj=case,
        before={"office": before},
        after={"office": target.code},
        reason=reason.strip(),
    )
    if before_assignee is not None:
        audit_record(
            actor=actor,
            action="case.unassign",
            obj=case,
            before={"assignee": before_assignee},
            after={"assignee": None},
            reason="case.handover",
        )
    return case
