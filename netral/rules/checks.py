"""Checks that span entries or files, run after each file passed its schema.

Each problem names the file and the field (``violation_types[3].ethics_sanction``) so whoever
edits the data can find the line to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from netral.rules.schemas import (
    ELECTION_KINDS,
    NO_SANCTION,
    CollectiveLeaveFile,
    CriminalArticlesFile,
    DeadlineRule,
    DeadlinesFile,
    OfficeHours,
    RequirementsFile,
    SanctionsFile,
    SanctionTrack,
    ViolationTypesFile,
)

T = TypeVar("T")

DUPLICATE = "{key!r} appears twice (first at [{first}])"
UNKNOWN_REF = "unknown {what} {code!r}"
WRONG_TRACK = "sanction {code!r} may not be used on the {track} track"
SHARES_OVER_100 = "the 2020 shares add up to {total}, more than 100"
MIN_OVER_MAX = "minimum {low} is above maximum {high}"
UNIT_MISMATCH = "unit {unit!r} needs `{wanted}` and no `{unwanted}`"
RESERVED = "{code!r} is reserved for 'no sanction'"
CLOSES_BEFORE_OPENS = "closes at {closes} but opens at {opens}"


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str


@dataclass(frozen=True)
class ParsedFiles:
    violation_types: ViolationTypesFile
    sanctions: SanctionsFile
    criminal_articles: CriminalArticlesFile
    deadlines: DeadlinesFile
    office_hours: OfficeHours
    collective_leave: CollectiveLeaveFile
    requirements: RequirementsFile


def _duplicates(
    file: str, name: str, entries: Sequence[T], key: Callable[[T], object], attr: str = "code"
) -> Iterable[Problem]:
    seen: dict[object, int] = {}
    for index, entry in enumerate(entries):
        value = key(entry)
        if value in seen:
            message = DUPLICATE.format(key=value, first=seen[value])
            suffix = f".{attr}" if attr else ""
            yield Problem(file, f"{name}[{index}]{suffix}", message)
        else:
            seen[value] = index


def _violation_type_problems(files: ParsedFiles) -> Iterable[Problem]:
    file = "violation_types.toml"
    data = files.violation_types
    yield from _duplicates(file, "kinds", data.kinds, lambda k: k.code)
    yield from _duplicates(file, "violation_types", data.violation_types, lambda v: v.code)
    kinds = {k.code for k in data.kinds}
    sanctions = {s.code: s.tracks for s in files.sanctions.sanctions}
    articles = {a.code for a in files.criminal_articles.criminal_articles}
    for index, vt in enumerate(data.violation_types):
        where = f"violation_types[{index}]"
        if vt.violation_kind not in kinds:
            message = UNKNOWN_REF.format(what="kind", code=vt.violation_kind)
            yield Problem(file, f"{where}.violation_kind", message)
        track: SanctionTrack
        for track, code in (("ethics", vt.ethics_sanction), ("discipline", vt.discipline_sanction)):
            if code == NO_SANCTION:
                continue
            if code not in sanctions:
                message = UNKNOWN_REF.format(what="sanction", code=code)
                yield Problem(file, f"{where}.{track}_sanction", message)
            elif track not in sanctions[code]:
                message = WRONG_TRACK.format(code=code, track=track)
                yield Problem(file, f"{where}.{track}_sanction", message)
        for position, article in enumerate(vt.criminal_articles):
            if article not in articles:
                message = UNKNOWN_REF.format(what="criminal article", code=article)
                yield Problem(file, f"{where}.criminal_articles[{position}]", message)
    total = round(sum(vt.share_2020 or 0 for vt in data.violation_types), 6)
    if total > 100:
        yield Problem(file, "violation_types.share_2020", SHARES_OVER_100.format(total=total))


def _sanction_problems(files: ParsedFiles) -> Iterable[Problem]:
    file = "sanctions.toml"
    sanctions = files.sanctions.sanctions
    yield from _duplicates(file, "sanctions", sanctions, lambda s: s.code)
    for index, sanction in enumerate(sanctions):
        if sanction.code == NO_SANCTION:
            yield Problem(file, f"sanctions[{index}].code", RESERVED.format(code=NO_SANCTION))
        name = f"sanctions[{index}].options"
        yield from _duplicates(file, name, sanction.options, lambda o: o.code)


def _criminal_article_problems(files: ParsedFiles) -> Iterable[Problem]:
    file = "criminal_articles.toml"
    articles = files.criminal_articles.criminal_articles
    yield from _duplicates(file, "criminal_articles", articles, lambda a: a.code)
    for index, article in enumerate(articles):
        pairs = (
            ("prison_min_months", article.prison_min_months, article.prison_max_months),
            ("fine_min_rp", article.fine_min_rp, article.fine_max_rp),
        )
        for field, low, high in pairs:
            if low is not None and low > high:
                message = MIN_OVER_MAX.format(low=low, high=high)
                yield Problem(file, f"criminal_articles[{index}].{field}", message)


def _deadline_problems(files: ParsedFiles) -> Iterable[Problem]:
    file = "deadlines.toml"
    data = files.deadlines
    lists: dict[str, tuple[DeadlineRule, ...]] = {
        "pilkada": data.pilkada,
        "pemilu": data.pemilu,
        "common": data.common,
    }
    for name, rules in lists.items():
        for index, rule in enumerate(rules):
            hourly = rule.unit == "hour"
            wanted, unwanted = ("hours", "days") if hourly else ("days", "hours")
            if getattr(rule, wanted) is None or getattr(rule, unwanted) is not None:
                message = UNIT_MISMATCH.format(unit=rule.unit, wanted=wanted, unwanted=unwanted)
                yield Problem(file, f"{name}[{index}].unit", message)
    yield from _duplicates(file, "common", data.common, lambda r: r.code)
    common_codes = {r.code for r in data.common}
    for kind in ELECTION_KINDS:
        rules = lists[kind]
        yield from _duplicates(file, kind, rules, lambda r: r.code)
        for index, rule in enumerate(rules):
            if rule.code in common_codes:
                message = DUPLICATE.format(key=rule.code, first="common")
                yield Problem(file, f"{kind}[{index}].code", message)
        scope = {r.code for r in rules} | common_codes
        for name, entries in ((kind, rules), ("common", data.common)):
            for index, rule in enumerate(entries):
                if rule.extends is not None and (
                    rule.extends == rule.code or rule.extends not in scope
                ):
                    message = UNKNOWN_REF.format(what="deadline", code=rule.extends)
                    yield Problem(file, f"{name}[{index}].extends", message)


def _deadline_scopes(files: ParsedFiles) -> list[set[str]]:
    common = {r.code for r in files.deadlines.common}
    return [
        {r.code for r in files.deadlines.pilkada} | common,
        {r.code for r in files.deadlines.pemilu} | common,
    ]


def _requirement_problems(files: ParsedFiles) -> Iterable[Problem]:
    file = "requirements.toml"
    data = files.requirements
    scopes = _deadline_scopes(files)
    yield from _duplicates(file, "requirements", data.requirements, lambda r: r.code)
    # Both election kinds must define the deadline, since a report may concern either.
    if not all(data.completion_deadline in scope for scope in scopes):
        message = UNKNOWN_REF.format(what="deadline", code=data.completion_deadline)
        yield Problem(file, "completion_deadline", message)
    for index, requirement in enumerate(data.requirements):
        code = requirement.deadline
        if code is not None and not all(code in scope for scope in scopes):
            message = UNKNOWN_REF.format(what="deadline", code=code)
            yield Problem(file, f"requirements[{index}].deadline", message)


def _calendar_problems(files: ParsedFiles) -> Iterable[Problem]:
    hours = files.office_hours
    if hours.closes <= hours.opens:
        message = CLOSES_BEFORE_OPENS.format(closes=hours.closes, opens=hours.opens)
        yield Problem("office_hours.toml", "closes", message)
    days = files.office_hours.weekdays
    yield from _duplicates("office_hours.toml", "weekdays", days, lambda d: d, attr="")
    leave = files.collective_leave.days
    yield from _duplicates("collective_leave.toml", "days", leave, lambda d: d.date, attr="date")


def rulebook_problems(files: ParsedFiles) -> list[Problem]:
    """Every cross-entry problem in a rulebook whose files each passed their schema."""
    checks = (
        _violation_type_problems,
        _sanction_problems,
        _criminal_article_problems,
        _deadline_problems,
        _requirement_problems,
        _calendar_problems,
    )
    return [problem for check in checks for problem in check(files)]
