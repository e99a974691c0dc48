"""Reads of the rulebook in force.

The rulebook is loaded once per process (``RulesConfig.ready`` validates it at start-up) and
cached; every read here is served from memory. Unknown codes raise ``NotFound`` with a reason.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from netral.common.errors import NotFound
from netral.rules.deadlines import due_at, non_working_days, window_open
from netral.rules.loader import rulebook_load
from netral.rules.models import RulebookVersion
from netral.rules.rulebook import Rulebook
from netral.rules.schemas import (
    ELECTION_KINDS,
    CriminalArticle,
    DeadlineRule,
    ElectionKind,
    IkpFile,
    OfficeHours,
    Requirement,
    Sanction,
    ViolationKind,
    ViolationType,
)

VIOLATION_TYPE_UNKNOWN = "Jenis pelanggaran '{code}' tidak dikenal."
VIOLATION_KIND_UNKNOWN = "Kelompok pelanggaran '{code}' tidak dikenal."
SANCTION_UNKNOWN = "Sanksi '{code}' tidak dikenal."
CRIMINAL_ARTICLE_UNKNOWN = "Pasal pidana '{code}' tidak dikenal."
ELECTION_KIND_UNKNOWN = "Jenis pemilihan '{kind}' tidak dikenal (pilih: pilkada, pemilu)."
DEADLINE_UNKNOWN = "Tenggat '{code}' tidak dikenal untuk {kind}."


@functools.cache
def rulebook_get() -> Rulebook:
    """The rulebook in force: ``NETRAL_RULEBOOK_VERSION`` if set, else the highest version."""
    return rulebook_load(
        root=Path(settings.NETRAL_RULEBOOK_DIR),
        version=getattr(settings, "NETRAL_RULEBOOK_VERSION", None),
    )


def rulebook_reset() -> None:
    """Forget the cached rulebook; the next read loads the files again."""
    rulebook_get.cache_clear()


def violation_kind_list() -> tuple[ViolationKind, ...]:
    return rulebook_get().kinds


def violation_kind_get(*, code: str) -> ViolationKind:
    for kind in rulebook_get().kinds:
        if kind.code == code:
            return kind
    raise NotFound(VIOLATION_KIND_UNKNOWN, params={"code": code})


def violation_type_list(*, violation_kind: str | None = None) -> tuple[ViolationType, ...]:
    """The taxonomy in file order, optionally only one routing group (``asn_neutrality``…)."""
    types = rulebook_get().violation_types
    if violation_kind is None:
        return types
    return tuple(vt for vt in types if vt.violation_kind == violation_kind)


def violation_type_get(*, code: str) -> ViolationType:
    for vt in rulebook_get().violation_types:
        if vt.code == code:
            return vt
    raise NotFound(VIOLATION_TYPE_UNKNOWN, params={"code": code})


def sanction_list() -> tuple[Sanction, ...]:
    return rulebook_get().sanctions


def sanction_get(*, code: str) -> Sanction:
    """A sanction by code; ``"none"`` (no sanction on that track) is not a sanction."""
    for sanction in rulebook_get().sanctions:
        if sanction.code == code:
            return sanction
    raise NotFound(SANCTION_UNKNOWN, params={"code": code})


def criminal_article_list(*, election_kind: str | None = None) -> tuple[CriminalArticle, ...]:
    articles = rulebook_get().criminal_articles
    if election_kind is None:
        return articles
    _check_kind(election_kind)
    return tuple(a for a in articles if a.election_kind == election_kind)


def criminal_article_get(*, code: str) -> CriminalArticle:
    for article in rulebook_get().criminal_articles:
        if article.code == code:
            return article
    raise NotFound(CRIMINAL_ARTICLE_UNKNOWN, params={"code": code})


def _check_kind(kind: str) -> ElectionKind:
    for known in ELECTION_KINDS:
        if kind == known:
            return known
    raise NotFound(ELECTION_KIND_UNKNOWN, params={"kind": kind})


def deadline_rule_list(*, kind: str, track: str | None = None) -> tuple[DeadlineRule, ...]:
    """The deadlines for ``pilkada`` or ``pemilu`` (common ones included), optionally one
    track (``handling``, ``gakkumdu``, ``ppk``)."""
    rules = rulebook_get().deadlines[_check_kind(kind)]
    if track is None:
        return rules
    return tuple(r for r in rules if r.track == track)


def deadline_rule_get(*, kind: str, code: str) -> DeadlineRule:
    for rule in deadline_rule_list(kind=kind):
        if rule.code == code:
            return rule
    raise NotFound(DEADLINE_UNKNOWN, params={"code": code, "kind": kind})


def office_hours_get() -> OfficeHours:
    return rulebook_get().office_hours


def collective_leave_dates(*, year: int | None = None) -> frozenset[datetime.date]:
    """Collective-leave days (not working days for a Bawaslu office), optionally one year's."""
    dates = rulebook_get().collective_leave_dates()
    if year is None:
        return dates
    return frozenset(d for d in dates if d.year == year)


def requirement_list(*, kind: str | None = None) -> tuple[Requirement, ...]:
    """The report checklist; ``kind`` = ``formal`` (unmet: not registered) or ``material``."""
    requirements = rulebook_get().requirements
    if kind is None:
        return requirements
    return tuple(r for r in requirements if r.kind == kind)


def completion_deadline_get(*, kind: str) -> DeadlineRule:
    """The deadline a reporter has to complete a deficient report."""
    return deadline_rule_get(kind=kind, code=rulebook_get().completion_deadline)


def ikp_method_get() -> IkpFile:
    """The vulnerability index method in force (dimensions, indicators, weights, classes)."""
    return rulebook_get().ikp


def rulebook_version_registered() -> RulebookVersion | None:
    """The database record of the rulebook in force, if ``load_rules`` has registered it."""
    rulebook = rulebook_get()
    return RulebookVersion.objects.filter(version=rulebook.version, sha256=rulebook.sha256).first()


def deadline_due(
    *, kind: str, code: str, start: datetime.datetime, tz_name: str
) -> datetime.datetime:
    """When deadline ``code`` of election ``kind`` that began at ``start`` ends, for an office
    in time zone ``tz_name`` (``Region.tzinfo_name``)."""
    rule = deadline_rule_get(kind=kind, code=code)
    non_working = non_working_days(
        years=range(start.year, start.year + 2), collective_leave=collective_leave_dates()
    )
    return due_at(start=start, rule=rule, tz=ZoneInfo(tz_name), non_working=non_working)


def reporting_window_open(*, kind: str, known: datetime.date, on: datetime.date) -> bool:
    """Whether a report made ``on`` is inside the reporting window that began ``known``."""
    rule = deadline_rule_get(kind=kind, code="batas_laporan")
    non_working = non_working_days(
        years=range(known.year, on.year + 1), collective_leave=collective_leave_dates()
    )
    return window_open(known=known, on=on, rule=rule, non_working=non_working)
