"""The hand-off to SP4N-LAPOR! (issue #16 item 4).

A public report to BKN needs the reported ASN's NIP or NIK; a reporter without it, whose
matter lies outside Bawaslu's reach, is sent to SP4N-LAPOR! (``/work/shared/domain.md``). So:

* the public form says so while no valid NIP is given, and offers a printable summary of what
  the reporter typed (:func:`lapor_summary_from_post`): rendered from the posted form, never
  stored, never put in the session;
* staff of the office handling a report record that it went there, with LAPOR!'s tracking
  number (:func:`report_forward_to_lapor`); the reporter's tracking page shows where it went
  (:func:`report_lapor_forward_public`).

The case is not moved by the forwarding: the workflow knows no "forwarded" status, and the
law's path for a matter outside Bawaslu's reach is the office's own decision not to register
it ("Bukan kewenangan kantor ini"), announced as every such decision is. The forwarding is a
record beside the case, shown to staff and reporter.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common import clock
from netral.common.errors import ApplicationError
from netral.regions.models import Region
from netral.reports.forms import MAX_LINKS, ReportForm, reported_nip_problem
from netral.reports.hooks import ReportForwardedToLapor, report_forwarded_to_lapor
from netral.reports.lapor_models import LaporForward
from netral.reports.models import Report
from netral.reports.selectors import report_get_for
from netral.reports.tasks import notify_reporter
from netral.rules.labels import rule_name
from netral.rules.selectors import violation_type_list

DATA = Path(__file__).parent / "data" / "lapor.toml"
TRACKING_NUMBER_INVALID = gettext_noop(
    "Nomor pelacakan LAPOR! tidak dikenali. Tulis {min} sampai {max} huruf atau angka (boleh"
    " dengan tanda hubung), seperti yang tertera di lapor.go.id, misalnya 1234567."
)
FINDING_NOT_FORWARDED = gettext_noop(
    "Temuan pengawas tidak diteruskan ke SP4N-LAPOR!: hanya laporan dan informasi dari"
    " masyarakat yang dapat dicatat diteruskan."
)
SUMMARY_EMPTY = gettext_noop(
    "Isi dulu nama ASN yang dilaporkan dan apa yang terjadi, lalu buat ringkasan lagi."
)
# The characters a tracking number may hold once normalised (ASCII only: no look-alikes).
TRACKING_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


@dataclass(frozen=True)
class LaporRules:
    name: str
    url: str
    host: str
    forward_working_days: int
    follow_up_working_days: int
    closed_after_working_days: int
    min_length: int
    max_length: int
    max_input: int


@cache
def lapor_rules() -> LaporRules:
    """``data/lapor.toml``, checked: a missing or mistyped value stops the start."""
    raw = tomllib.loads(DATA.read_text(encoding="utf-8"))
    service, timeline, number = raw["service"], raw["timeline"], raw["tracking_number"]
    rules = LaporRules(
        name=str(service["name"]),
        url=str(service["url"]),
        host=str(service["host"]),
        forward_working_days=int(timeline["forward_working_days"]),
        follow_up_working_days=int(timeline["follow_up_working_days"]),
        closed_after_working_days=int(timeline["closed_after_working_days"]),
        min_length=int(number["min_length"]),
        max_length=int(number["max_length"]),
        max_input=int(number["max_input"]),
    )
    if not rules.url.startswith("https://") or rules.host not in rules.url:
        raise ValueError(f"{DATA}: service.url must be https on service.host")
    column = LaporForward._meta.get_field("tracking_number").max_length or 0
    if not 0 < rules.min_length <= rules.max_length <= column:
        raise ValueError(f"{DATA}: tracking_number lengths out of range")
    return rules


def tracking_number_normalise(raw: str) -> str:
    """LAPOR!'s tracking number as stored: spaces and a leading ``#`` dropped, upper case;
    letters, digits and dashes only, within the bounds of ``data/lapor.toml``."""
    rules = lapor_rules()
    refused = ApplicationError(
        TRACKING_NUMBER_INVALID,
        field="tracking_number",
        params={"min": rules.min_length, "max": rules.max_length},
    )
    if len(raw or "") > rules.max_input:
        raise refused
    number = "".join((raw or "").split()).lstrip("#").upper()
    if not rules.min_length <= len(number) <= rules.max_length:
        raise refused
    if not set(number) <= TRACKING_CHARS:
        raise refused
    return number


# --- Staff record the forwarding --------------------------------------------------------------


@audited
def report_forward_to_lapor(
    *, actor: User, report_public_id: str, tracking_number: str
) -> LaporForward:
    """Record that the report went to SP4N-LAPOR! under ``tracking_number``; a corrected
    number replaces the old one (both in the audit entry); the same number changes nothing.

    404 outside the handling office's jurisdiction, 403 without ``case.handle``.
    """
    scoped = report_get_for(actor=actor, public_id=report_public_id)
    report = Report.objects.select_for_update(of=("self",)).get(pk=scoped.pk)
    report.handling_region = scoped.handling_region  # loaded already: for the check below
    require(actor, "case.handle", report)
    if report.kind == Report.Kind.TEMUAN:
        raise ApplicationError(FINDING_NOT_FORWARDED)
    number = tracking_number_normalise(tracking_number)
    forward = LaporForward.objects.select_for_update().filter(report=report).first()
    if forward is not None and forward.tracking_number == number:
        return forward
    now = clock.now()
    before = None if forward is None else {"tracking_number": forward.tracking_number}
    if forward is None:
        forward = LaporForward.objects.create(
            report=report, tracking_number=number, forwarded_at=now, forwarded_by=actor
        )
    else:
        forward.tracking_number, forward.forwarded_at, forward.forwarded_by = number, now, actor
        forward.save(update_fields=["tracking_number", "forwarded_at", "forwarded_by"])
    audit_record(
        actor=actor,
        action="report.forward_lapor",
        obj=forward,
        before=before,
        after={
            "report": str(report.public_id),
            "case": report.case_id,
            "tracking_number": number,
        },
    )
    report_forwarded_to_lapor.fire(
        ReportForwardedToLapor(report=report, at=now, first=before is None)
    )
    if before is None:
        report_id = report.pk
        # robust: a queue hiccup must not undo the record.
        transaction.on_commit(
            lambda: notify_reporter.enqueue(report_id=report_id, event="status"), robust=True
        )
    return forward


# --- What the reporter sees -------------------------------------------------------------------


@dataclass(frozen=True)
class PublicForward:
    service: str
    url: str
    host: str
    tracking_number: str
    forwarded_at: datetime.datetime


def report_lapor_forward_public(*, report: Report) -> PublicForward | None:
    """Where the report went, for its tracking page (no staff name)."""
    forward = LaporForward.objects.filter(report=report).first()
    if forward is None:
        return None
    rules = lapor_rules()
    return PublicForward(
        service=rules.name,
        url=rules.url,
        host=rules.host,
        tracking_number=forward.tracking_number,
        forwarded_at=forward.forwarded_at,
    )


def report_lapor_forward(*, report: Report) -> LaporForward | None:
    """The forwarding of a report the caller already may see (staff page)."""
    return LaporForward.objects.select_related("forwarded_by").filter(report=report).first()


# --- The printable summary ----------------------------------------------------------------------


@dataclass(frozen=True)
class LaporSummary:
    """What the reporter typed into the public form, cut to the form's own limits, for them to
    file at SP4N-LAPOR!. Their identity is left out: they give it (or not) at LAPOR!."""

    reported_name: str
    reported_nip: str
    agency: str
    position: str
    region: str
    location: str
    event_date: datetime.date | None
    known_date: datetime.date | None
    violation_type: str
    chronology: str
    candidate_pair: str
    witnesses: str
    links: list[str]


def _limit(field: str) -> int:
    found = ReportForm.base_fields[field]
    return int(getattr(found, "max_length", None) or 200)


def _text(data: QueryDict, field: str) -> str:
    return (data.get(field) or "")[: _limit(field)].strip()


def _date(data: QueryDict, field: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((data.get(field) or "")[:10])
    except ValueError:
        return None


def _region_name(data: QueryDict) -> str:
    code = (data.get("regency") or data.get("province") or data.get("region") or "")[:13]
    found = Region.objects.select_related("parent").filter(code=code.strip()) if code else None
    region = found.first() if found is not None else None
    if region is None:
        return ""
    return f"{region.name}, {region.parent.name}" if region.parent else region.name


def _violation_name(code: str) -> str:
    found = next((vt for vt in violation_type_list() if vt.code == code), None) if code else None
    return rule_name(found) if found is not None else ""


def _links(data: QueryDict) -> list[str]:
    lines = (data.get("links") or "")[: _limit("links")].splitlines()
    kept = []
    for line in (line.strip() for line in lines):
        parts = urlsplit(line)
        if line and parts.scheme in ("http", "https") and parts.netloc and len(line) <= 2000:
            kept.append(line)
    return kept[:MAX_LINKS]


def lapor_summary_from_post(data: QueryDict) -> LaporSummary:
    """The summary of a posted report form; ``ApplicationError`` when it names neither whom
    nor what. Nothing is stored."""
    summary = LaporSummary(
        reported_name=_text(data, "reported_name"),
        reported_nip=_text(data, "reported_nip"),
        agency=_text(data, "agency"),
        position=_text(data, "position"),
        region=_region_name(data),
        location=_text(data, "location"),
        event_date=_date(data, "event_date"),
        known_date=_date(data, "known_date"),
        violation_type=_violation_name(_text(data, "violation_type")),
        chronology=_text(data, "chronology"),
        candidate_pair=_text(data, "candidate_pair"),
        witnesses=_text(data, "witnesses"),
        links=_links(data),
    )
    if not summary.reported_name or not summary.chronology:
        raise ApplicationError(SUMMARY_EMPTY)
    return summary


def lapor_guidance(reported_nip: str) -> LaporRules | None:
    """What the public form says about SP4N-LAPOR! (its name and address), while the reporter
    gives no valid NIP of the reported ASN; None once they do."""
    given = (reported_nip or "").strip()
    if given and reported_nip_problem(given) is None:
        return None
    return lapor_rules()
