"""Retention: erase what the rulebook's ``retention.toml`` no longer lets an office keep.

Each rule names a kind of data and how many days after a case's handling ended (closed, or
the report not registered) it is kept. When that passes, the rule erases it from the case:
blobs deleted, identities blanked, messages deleted, and for the whole-case rules the texts
that tell who and what. The rows themselves stay with their region, election, violation
type, status, dates, position and agency class, so every aggregate count reads the same
afterwards. Each erasure leaves a ``RetentionErasure`` row and a ``retention.erase`` audit
entry (the rule, when, how many of what; never the content). A case under an active legal
hold is skipped by every rule until the hold is released.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from netral.audit.services import audit_deferred, audit_record
from netral.cases.models import Case, Clarification, ClarificationAttachment, Status
from netral.common import blobs, clock
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
}


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=_zone())


def held_case_ids() -> QuerySet[LegalHold, int]:
    return LegalHold.objects.filter(released_at__isnull=True).values_list("case_id", flat=True)


def _ended(rule: RetentionRule) -> QuerySet[Case]:
    """Cases the rule applies to, not held, not yet erased by it, with ``ended``."""
    statuses = (WHOLE_CASE[rule.data],) if rule.data in WHOLE_CASE else ENDED
    ended = Coalesce("closed_at", "finished_at", output_field=DateTimeField())
    return (
        Case.objects.filter(status__in=statuses)
        .annotate(ended=ended)
        .filter(ended__isnull=False)
        .exclude(pk__in=held_case_ids())
        .exclude(pk__in=RetentionErasure.objects.filter(rule=rule.code).values("case_id"))
    )


def cases_due(rule: RetentionRule, *, today: datetime.date) -> QuerySet[Case]:
    """Cases whose data of this rule expired by ``today`` (ended ``keep_days`` ago or more)."""
    last_day = today - datetime.timedelta(days=rule.keep_days)
    cutoff = _midnight(last_day + datetime.timedelta(days=1))
    return _ended(rule).filter(ended__lt=cutoff)  # type: ignore[misc]  # annotated above


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


@dataclass
class Erasure:
    counts: dict[str, int] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)

    def add(self, name: str, count: int) -> None:
        if count:
            self.counts[name] = self.counts.get(name, 0) + count


def _kinds(rule: RetentionRule) -> tuple[str, ...]:
    if rule.data in WHOLE_CASE:
        return ("identity", "evidence_original", "clean_copy", "messages", "texts")
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


def _erase(rule: RetentionRule, case: Case) -> Erasure:
    """Erase the rule's data from ``case``. Call under the case's row lock."""
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
        minutes = Clarification.objects.filter(case_id__in=ids)
        done.add("clarifications", minutes.update(invitee_label="", minutes=""))
        for name in CASE_TEXTS:
            setattr(case, name, "")
        case.save(update_fields=list(CASE_TEXTS))
    return done


def case_erase(*, rule: RetentionRule, case_id: int, record: bool = True) -> dict[str, int] | None:
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
        done = _erase(rule, case)
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


@dataclass(frozen=True)
class RuleOutcome:
    rule: RetentionRule
    counts: dict[str, int]


def _apply(*, day: datetime.date, record: bool) -> list[RuleOutcome]:
    outcomes = []
    for rule in rulebook_get().retention.rules:
        ids = list(cases_due(rule, today=day).order_by("pk").values_list("pk", flat=True))
        total = Erasure()
        for case_id in ids:
            counts = case_erase(rule=rule, case_id=case_id, record=record)
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


def describe(counts: dict[str, int]) -> str:
    """``"3 kasus, 2 identitas pelapor"`` (``"tidak ada"`` when empty)."""
    parts = [f"{counts[name]} {label}" for name, label in COUNT_LABELS.items() if counts.get(name)]
    return ", ".join(parts) or "tidak ada"
