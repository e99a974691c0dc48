"""The daily deadline digest: per Bawaslu office, the cases it still has to act on that are
overdue or fall due before the end of tomorrow (office local time), and who should hear of it.

A system read, not an actor's: there is no jurisdiction-scoped selector to start from, so the
scoping is done here instead: each office's cases go only to that office's own Bawaslu staff
and leaders (exact jurisdiction, not the province above), and a digest line carries nothing
but the register number or case id, the status and the deadline.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from netral.accounts.models import Role, User
from netral.cases.models import Case, Status
from netral.regions.models import TZ_NAMES, Region

# Steps where the office itself must act before due_at. NOT_REGISTERED, DECIDED and
# ANNOUNCED wait on announcement or closing with no statutory clock of the office's own;
# CLOSED and MERGED are final.
AWAITING_OFFICE = frozenset(
    {Status.RECEIVED, Status.INCOMPLETE, Status.REGISTERED, Status.CLARIFICATION, Status.STUDY}
)
DIGEST_ROLES = (Role.BAWASLU_STAFF, Role.BAWASLU_LEADER)
UNREGISTERED_LABEL = "belum diregistrasi (kasus #{id})"


@dataclass(frozen=True)
class DigestLine:
    case_id: int
    label: str  # the register number, or "belum diregistrasi (kasus #12)"
    status_label: str
    due_at: datetime.datetime  # in the office's local time


@dataclass(frozen=True)
class OfficeDigest:
    office_code: str
    office_name: str
    tz_name: str  # "Asia/Jakarta"
    tz_abbr: str  # WIB, WITA or WIT
    recipients: tuple[str, ...]  # e-mail addresses, sorted
    overdue: tuple[DigestLine, ...]
    due_soon: tuple[DigestLine, ...]  # not yet overdue, due before the end of tomorrow


def digest_horizon(*, now: datetime.datetime, tz: ZoneInfo) -> datetime.datetime:
    """Midnight at the end of tomorrow in ``tz``: the first moment no longer "due by tomorrow"."""
    day_after = now.astimezone(tz).date() + datetime.timedelta(days=2)
    return datetime.datetime.combine(day_after, datetime.time.min, tzinfo=tz)


def _line(case: Case, tz: ZoneInfo) -> DigestLine:
    assert case.due_at is not None  # filtered in the query
    return DigestLine(
        case_id=case.pk,
        label=case.register_number or UNREGISTERED_LABEL.format(id=case.pk),
        status_label=str(Status(case.status).label),
        due_at=case.due_at.astimezone(tz),
    )


def deadline_digest(*, now: datetime.datetime) -> list[OfficeDigest]:
    """The digest of every office with at least one overdue or nearly due case, by office code.

    Offices with no recipient are included (with empty ``recipients``) so the caller can tell
    who was left uninformed. Two queries, however many offices and cases.
    """
    # One query with the latest horizon of any Indonesian zone (WIB, furthest west), then the
    # exact horizon per office in Python.
    widest = max(digest_horizon(now=now, tz=ZoneInfo(name)) for name in TZ_NAMES.values())
    cases = (
        Case.objects.filter(status__in=AWAITING_OFFICE, due_at__isnull=False, due_at__lt=widest)
        .select_related("office_region")
        .only("id", "register_number", "status", "due_at", "office_region")
        .order_by("office_region_id", "due_at", "id")
    )
    by_office: dict[str, list[Case]] = defaultdict(list)
    offices: dict[str, Region] = {}
    for case in cases:
        office = case.office_region
        tz = ZoneInfo(office.tzinfo_name)
        if case.due_at is not None and case.due_at < digest_horizon(now=now, tz=tz):
            by_office[office.code].append(case)
            offices[office.code] = office
    if not by_office:
        return []

    recipients: dict[str, set[str]] = defaultdict(set)
    users = (
        User.objects.filter(
            is_active=True, role__in=DIGEST_ROLES, jurisdiction_id__in=list(by_office)
        )
        .exclude(email="")
        .values_list("jurisdiction_id", "email")
    )
    for office_code, email in users:
        recipients[office_code].add(email)

    digests = []
    for code in sorted(by_office):
        office = offices[code]
        tz = ZoneInfo(office.tzinfo_name)
        lines = [_line(case, tz) for case in by_office[code]]
        digests.append(
            OfficeDigest(
                office_code=code,
                office_name=office.name,
                tz_name=office.tzinfo_name,
                tz_abbr=office.timezone,
                recipients=tuple(sorted(recipients[code])),
                overdue=tuple(line for line in lines if line.due_at < now),
                due_soon=tuple(line for line in lines if line.due_at >= now),
            )
        )
    return digests
