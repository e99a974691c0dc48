"""Retention: erase what the rulebook's ``retention.toml`` no longer lets an office keep.

Each rule names a kind of data and how many days after a case's handling ended (closed, or
the report not registered) it is kept. When that passes, the rule erases it from the case:
blobs deleted, identities blanked, messages deleted, and for the whole-case rules the texts
that tell who and what. The rows themselves stay with their region, election, violation
type, status, dates, position and agency class, so every aggregate count reads the same
afterwards (the statistics' rollups are never touched). The data other apps derive from a
case (its internal notes and case files, triage's signatures and person records, partners'
event log) is erased by those apps' own kinds, registered in ``netral.common.retention``:
each has a rule of its own, and the whole-case rules call every case kind too. Each
erasure leaves a ``RetentionErasure`` row and a ``retention.erase`` audit entry (the rule,
when, how many of what; never the content). A case under an active legal
hold is skipped by every rule until the hold is released, and so is everything derived from
it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from netral.audit.services import audit_deferred, audit_record
from netral.cases.first_report import case_first_report_refresh
from netral.cases.models import Case, Clarification, ClarificationAttachment, Redaction, Status
from netral.cases.search import case_search_refresh
from netral.common import blobs, clock
from netral.common.retention import CaseScope, Erased, OlderScope, kind_get, kinds
from netral.operations.models import LegalHold, RetentionErasure
from netral.reports.models import Contact, Evidence, Message, Report, Reporter
from netral.rules.schemas_retention import RetentionRule
from netral.rules.selectors import rulebook_get

# Cases whose handling ended: the rules for single kinds of data apply to both.
ENDED = (Status.CLOSED, Status.NOT_REGISTERED)
WHOLE_CASE = {"closed_case": Status.CLOSED, "rejected_report": Status.NOT_REGISTERED}
# What the whole-case rules erase besides identities, files and messages.
REPORT_TEXTS = {
    "chronology": "",
    "witnesses": "",
    "location": "",
    "links": [],
    "reported_name": "",
    "reported_nip": "",
    "position": "",
    "candidate_pair": "",
}
CASE_TEXTS = ("study_facts", "study_analysis", "study_conclusion", "decision_reason")
# How each count is worded in the command's output.
COUNT_LABELS = {
    "cases": "kasus",
    "reporters": "identitas pelapor",
    "contacts": "kontak",
    "originals": "berkas asli",
    "clean_copies": "salinan bersih",
    "messages": "pesan",
    "reports": "isi laporan",
    "clarifications": "isi klarifikasi",
    "redactions": "tanda redaksi",
}
UNKNOWN_KIND = (
    "Retention rule {code!r} names data {data!r}: neither a core kind nor one registered in "
    "netral.common.retention."
)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=_zone())


def held_case_ids() -> QuerySet[LegalHold, int]:
    return LegalHold.objects.filter(released_at__isnull=True).values_list("case_id", flat=True)


def _by_age(rule: RetentionRule) -> bool:
    """Whether the rule counts from each row's own time (a registered ``erase_older`` kind),
    not from a case's end."""
    kind = kind_get(rule.data)
    return kind is not None and kind.erase_older is not None


def _ended_all(rule: RetentionRule) -> QuerySet[Case]:
    """Cases the rule applies to, not held, with ``ended`` (none for an age rule)."""
    statuses = (WHOLE_CASE[rule.data],) if rule.data in WHOLE_CASE else ENDED
    ended = Coalesce("closed_at", "finished_at", output_field=DateTimeField())
    cases = (
        Case.objects.filter(status__in=statuses)
        .annotate(ended=ended)
        .filter(ended__isnull=False)
        .exclude(pk__in=held_case_ids())
    )
    return cases.none() if _by_age(rule) else cases


def _ended(rule: RetentionRule) -> QuerySet[Case]:
    """``_ended_all`` without the cases the rule erased already."""
    erased = RetentionErasure.objects.filter(rule=rule.code, case__isnull=False)
    return _ended_all(rule).exclude(pk__in=erased.values("case_id"))


def _cutoff(rule: RetentionRule, *, today: datetime.date) -> datetime.datetime:
    """What ended (or happened) before this instant expired by ``today``."""
    last_day = today - datetime.timedelta(days=rule.keep_days)
    return _midnight(last_day + datetime.timedelta(days=1))


def cases_due(rule: RetentionRule, *, today: datetime.date) -> QuerySet[Case]:
    """Cases whose data of this rule expired by ``today`` (ended ``keep_days`` ago or more)."""
    return _ended(rule).filter(ended__lt=_cutoff(rule, today=today))  # type: ignore[misc]


def cases_gone(rule: RetentionRule, *, today: datetime.date) -> frozenset[int]:
    """Primary keys of the cases whose data under ``rule`` is erased or expires by ``today``:
    due now, or erased already by the rule or by a whole-case rule. Never a held case. For
    data several cases share (a person named in reports of two cases)."""
    codes = [r.code for r in rulebook_get().retention.rules if r.data in WHOLE_CASE]
    erased = RetentionErasure.objects.filter(rule__in=[rule.code, *codes], case__isnull=False)
    due = _ended_all(rule).filter(ended__lt=_cutoff(rule, today=today))  # type: ignore[misc]
    return frozenset(
        Case.objects.filter(Q(pk__in=due.values("pk")) | Q(pk__in=erased.values("case_id")))
        .exclude(pk__in=held_case_ids())
        .values_list("pk", flat=True)
    )


def cases_expiring(rule: RetentionRule, *, today: datetime.date) -> QuerySet[Case]:
    """Cases whose data of this rule goes within the rule's ``warn_days`` after ``today``."""
    first = today - datetime.timedelta(days=rule.keep_days) + datetime.timedelta(days=1)
    return _ended(rule).filter(  # type: ignore[misc]  # ``ended`` is annotated by _ended
        ended__gte=_midnight(first),
        ended__lt=_midnight(first + datetime.timedelta(days=rule.warn_days)),
    )


def expiry_of(rule: RetentionRule, case: Any) -> datetime.date:
    """The day the rule erases from ``case`` (annotated with ``ended``)."""
    ended: datetime.datetime = case.ended
    return ended.astimezone(_zone()).date() + datetime.timedelta(days=rule.keep_days)


# --- What a rule touches -------------------------------------------------------------------


Erasure = Erased
CORE_KINDS = ("identity", "evidence_original", "clean_copy", "messages")


def _kinds(rule: RetentionRule) -> tuple[str, ...]:
    """What the rule erases: its kind; for a whole-case rule the core kinds, the texts and
    every registered case kind."""
    if rule.data in WHOLE_CASE:
        case_kinds = [kind.data for kind in kinds() if kind.erase_case is not None]
        return (*CORE_KINDS, "texts", *case_kinds)
    if rule.data not in CORE_KINDS and kind_get(rule.data) is None:
        raise ValueError(UNKNOWN_KIND.format(code=rule.code, data=rule.data))
    return (rule.data,)


def _files(case_ids: list[int], column: str) -> Iterator[tuple[Any, str]]:
    """(row, ref) of evidence and clarification attachments with a blob in ``column``
    ("original" or "clean")."""
    evidence_field = "original_path" if column == "original" else "clean_path"
    attachment_field = "path" if column == "original" else "clean_path"
    for evidence in Evidence.objects.filter(report__case_id__in=case_ids).exclude(
        **{evidence_field: ""}
    ):
        yield evidence, getattr(evidence, evidence_field)
    for attachment in ClarificationAttachment.objects.filter(
        clarification__case_id__in=case_ids
    ).exclude(**{attachment_field: ""}):
        yield attachment, getattr(attachment, attachment_field)


IDENTITY_FIELDS = ("name", "nik", "address", "phone", "email")


def _reporters(case_ids: list[int]) -> list[Reporter]:
    """Identities not blanked yet. A blanked one keeps its row (pages expect one for a
    laporan) with every field empty; the fields are encrypted, so this reads them."""
    rows = Reporter.objects.filter(report__case_id__in=case_ids)
    return [row for row in rows if any(getattr(row, name) for name in IDENTITY_FIELDS)]


def _erase(rule: RetentionRule, case: Case, *, gone: frozenset[int]) -> Erasure:
    """Erase the rule's data from ``case``. Call under the case's row lock. ``gone``:
    ``cases_gone`` of the rule, for the registered kinds."""
    done = Erasure()
    ids = [case.pk]
    kinds = _kinds(rule)
    if "identity" in kinds:
        for reporter in _reporters(ids):
            for name in IDENTITY_FIELDS:
                setattr(reporter, name, "")
            reporter.save(update_fields=list(IDENTITY_FIELDS))
            done.add("reporters", 1)
        done.add("contacts", Contact.objects.filter(report__case_id__in=ids).delete()[0])
    if "evidence_original" in kinds:
        for row, ref in list(_files(ids, "original")):
            if isinstance(row, Evidence):
                row.original_path, row.original_name = "", ""
                row.save(update_fields=["original_path", "original_name"])
            else:
                row.path = ""
                row.save(update_fields=["path"])
            done.refs.append(ref)
            done.add("originals", 1)
    if "clean_copy" in kinds:
        for row, ref in list(_files(ids, "clean")):
            row.clean_path, row.clean_content_type = "", ""
            row.save(update_fields=["clean_path", "clean_content_type"])
            done.refs.append(ref)
            done.add("clean_copies", 1)
    if "messages" in kinds:
        count = Message.objects.filter(report__case_id__in=ids).count()
        Message.objects.filter(report__case_id__in=ids).delete()
        done.add("messages", count)
    if "texts" in kinds:
        done.add("reports", Report.objects.filter(case_id__in=ids).update(**REPORT_TEXTS))
        case_first_report_refresh(case_ids=ids)  # the inbox's copy of the reported name
        minutes = Clarification.objects.filter(case_id__in=ids)
        done.add("clarifications", minutes.update(invitee_label="", minutes=""))
        for name in CASE_TEXTS:
            setattr(case, name, "")
        case.save(update_fields=list(CASE_TEXTS))
        # Redactions keep what their spans covered (names, NIKs): they go with the texts.
        done.add("redactions", Redaction.objects.filter(case_id__in=ids).delete()[0])
    if "texts" in kinds or "messages" in kinds:
        case_search_refresh(case_ids=ids)  # staff search must not find what was erased
    for data in kinds:
        registered = kind_get(data) if data not in CORE_KINDS else None
        if registered is not None and registered.erase_case is not None:
            done.merge(registered.erase_case(CaseScope(case_id=case.pk, gone=gone)))
    return done


def case_erase(
    *,
    rule: RetentionRule,
    case_id: int,
    record: bool = True,
    today: datetime.date | None = None,
    gone: frozenset[int] | None = None,
) -> dict[str, int] | None:
    """Apply ``rule`` to one case in a transaction; None when it is held or done already.
    The blobs go once the deletion record has committed (a crash in between leaves orphans,
    which ``storage_check --delete-orphans`` removes). ``record=False`` (the dry run, rolled
    back) leaves the audit trail alone, so its shared head is not locked for the run."""
    with transaction.atomic(), audit_deferred():
        case = Case.objects.select_for_update(of=("self",)).get(pk=case_id)
        if LegalHold.objects.filter(case=case, released_at__isnull=True).exists():
            return None
        if RetentionErasure.objects.filter(rule=rule.code, case=case).exists():
            return None
        if gone is None:
            gone = cases_gone(rule, today=today or clock.today())
        done = _erase(rule, case, gone=gone)
        RetentionErasure.objects.create(
            rule=rule.code, case=case, erased_at=timezone.now(), counts=done.counts
        )
        if record:
            audit_record(
                actor=None,
                action="retention.erase",
                obj=case,
                after={"rule": rule.code, "data": rule.data, "counts": done.counts},
                reason=f"{rule.code}: {rule.basis}",
            )
        refs = list(done.refs)
        transaction.on_commit(lambda: blobs.delete(refs))
    return done.counts


def older_erase(
    *, rule: RetentionRule, today: datetime.date, record: bool = True
) -> dict[str, int]:
    """Apply an age rule (a registered ``erase_older`` kind) in a transaction: what happened
    before its cutoff goes, except what belongs to a held case. A run that erased something
    leaves a ``RetentionErasure`` without a case and a ``retention.erase`` entry on the rule."""
    kind = kind_get(rule.data)
    assert kind is not None and kind.erase_older is not None
    with transaction.atomic(), audit_deferred():
        held = tuple(sorted(held_case_ids()))
        done = kind.erase_older(OlderScope(before=_cutoff(rule, today=today), held=held))
        if not done.counts:
            return {}
        RetentionErasure.objects.create(
            rule=rule.code, case=None, erased_at=timezone.now(), counts=done.counts
        )
        if record:
            audit_record(
                actor=None,
                action="retention.erase",
                object_type="operations.retentionrule",
                object_id=rule.code,
                after={"rule": rule.code, "data": rule.data, "counts": done.counts},
                reason=f"{rule.code}: {rule.basis}",
            )
        refs = list(done.refs)
        transaction.on_commit(lambda: blobs.delete(refs))
    return done.counts


@dataclass(frozen=True)
class RuleOutcome:
    rule: RetentionRule
    counts: dict[str, int]


def _apply(*, day: datetime.date, record: bool) -> list[RuleOutcome]:
    outcomes = []
    for rule in rulebook_get().retention.rules:
        if _by_age(rule):
            erased = older_erase(rule=rule, today=day, record=record)
            outcomes.append(RuleOutcome(rule=rule, counts=erased))
            continue
        ids = list(cases_due(rule, today=day).order_by("pk").values_list("pk", flat=True))
        gone = cases_gone(rule, today=day) if ids else frozenset()
        total = Erasure()
        for case_id in ids:
            counts = case_erase(rule=rule, case_id=case_id, record=record, gone=gone)
            if counts is not None:
                total.add("cases", 1)
                for name, count in counts.items():
                    total.add(name, count)
        outcomes.append(RuleOutcome(rule=rule, counts=total.counts))
    return outcomes


def retention_run(*, dry_run: bool, today: datetime.date | None = None) -> list[RuleOutcome]:
    """Every rule in rulebook order: what it erased, or (``dry_run``) would erase.

    The dry run performs the same erasures in one transaction and rolls it back, blobs
    untouched (their deletion waits for a commit that never comes): what it lists is what a
    real run on the same day erases, rule after rule."""
    day = today or clock.today()
    if not dry_run:
        return _apply(day=day, record=True)
    with transaction.atomic(), audit_deferred():
        outcomes = _apply(day=day, record=False)
        transaction.set_rollback(True)
    return outcomes


def count_labels() -> dict[str, str]:
    """How each count is worded: the core ones, then the registered kinds'."""
    labels = dict(COUNT_LABELS)
    for kind in kinds():
        labels.update(kind.labels)
    return labels


def describe(counts: dict[str, int]) -> str:
    """``"3 kasus, 2 identitas pelapor"`` (``"tidak ada"`` when empty)."""
    labels = count_labels()
    parts = [f"{counts[name]} {label}" for name, label in labels.items() if counts.get(name)]
    parts += [f"{count} {name}" for name, count in counts.items() if name not in labels]
    return ", ".join(parts) or "tidak ada"


def held_cases() -> list[int]:
    """The cases under an active legal hold, by id (the command lists what it spared)."""
    return sorted(held_case_ids())
