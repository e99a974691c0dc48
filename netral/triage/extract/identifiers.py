"""NIP (18 digits) and NIK (16 digits) in free text, validated and decoded by the same
functions intake uses (``netral.common.identifiers``).

A number may be written in groups ("19850317 201001 2 004", "3275.0157.0390.0001"): runs of
digit tokens separated by one space, dot or dash are joined while they add up to at most 18
digits. A run of another length is an identifier only when the word "NIP" or "NIK" stands
right before it; then it is flagged with the length reason.
"""

from __future__ import annotations

import csv
import datetime
from functools import lru_cache

from django.utils.translation import gettext

from netral.common.identifiers import (
    NIK_INVALID_LENGTH,
    NIK_INVALID_REGION,
    NIP_INVALID_LENGTH,
    nik_parse,
    nip_parse,
)
from netral.regions.services import DATA_DIR
from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token

NIP_DIGITS, NIK_DIGITS = 18, 16
# Longest run of groups looked at (a NIP in its usual 4 groups, with room for odd spacing).
MAX_GROUPS = 6
SEPARATORS = ("", " ", ".", "-", "\u00a0")
# Papua's regencies kept their 91.xx/92.xx codes on identity cards issued before the 2022
# split into new provinces: an old card is not invalid for that.
PRE_SPLIT_PROVINCES = frozenset({"91", "92"})


@lru_cache(maxsize=1)
def _region_codes() -> tuple[frozenset[str], frozenset[str]]:
    with (DATA_DIR / "provinces.csv").open(encoding="utf-8") as handle:
        provinces = frozenset(row["code"] for row in csv.DictReader(handle))
    with (DATA_DIR / "regencies.csv").open(encoding="utf-8") as handle:
        regencies = frozenset(row["code"] for row in csv.DictReader(handle))
    return provinces, regencies


def nik_region_known(nik: str) -> bool:
    provinces, regencies = _region_codes()
    province = nik[0:2]
    if province not in provinces and province not in PRE_SPLIT_PROVINCES:
        return False
    return province in PRE_SPLIT_PROVINCES or f"{province}.{nik[2:4]}" in regencies


def _nip_entity(text: str, start: int, end: int, digits: str, today: datetime.date) -> Entity:
    try:
        info = nip_parse(digits, today=today)
    except ValueError as exc:
        return entity(
            "nip", text, start, end, valid=False, value={"digits": digits}, reason=gettext(str(exc))
        )
    return entity(
        "nip",
        text,
        start,
        end,
        value={
            "nip": info.nip,
            "birth_date": info.birth_date.isoformat(),
            "appointment": f"{info.appointment_year:04d}-{info.appointment_month:02d}",
            "sex": info.sex,
            "sequence": info.sequence,
        },
    )


def _nik_entity(text: str, start: int, end: int, digits: str, today: datetime.date) -> Entity:
    try:
        info = nik_parse(digits, today=today)
        if not nik_region_known(info.nik):
            raise ValueError(NIK_INVALID_REGION)
    except ValueError as exc:
        return entity(
            "nik", text, start, end, valid=False, value={"digits": digits}, reason=gettext(str(exc))
        )
    return entity(
        "nik",
        text,
        start,
        end,
        value={
            "nik": info.nik,
            "province_code": info.province_code,
            "regency_code": info.regency_code,
            "birth_date": info.birth_date.isoformat(),
            "sex": info.sex,
        },
    )


def _label_before(tokens: list[Token], i: int) -> str | None:
    """ "nip" or "nik" when that word (optionally followed by ':' or '.') precedes token i."""
    j = i - 1
    if j >= 0 and tokens[j].text in (":", "."):
        j -= 1
    if j >= 0 and tokens[j].lower in ("nip", "nik"):
        return tokens[j].lower
    return None


def extract_identifiers(text: str, tokens: list[Token], today: datetime.date) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].is_digits or (i > 0 and _glued(tokens[i - 1], tokens[i])):
            i += 1
            continue
        label = _label_before(tokens, i)
        # Join groups while they stay within 18 digits; remember where 16 and 18 were reached.
        total, j = 0, i
        at: dict[int, int] = {}
        while j < len(tokens) and j - i < MAX_GROUPS * 2:
            tok = tokens[j]
            if not tok.is_digits:
                break
            total += len(tok.text)
            if total > NIP_DIGITS:
                break
            at[total] = j
            nxt = j + 1
            if (
                nxt + 1 < len(tokens)
                and text[tok.end : tokens[nxt].start] == ""
                and tokens[nxt].text in (".", "-")
                and tokens[nxt].end == tokens[nxt + 1].start
                and tokens[nxt + 1].is_digits
            ):
                j = nxt + 1  # "3275.0157": a dot or dash between groups
            elif nxt < len(tokens) and text[tok.end : tokens[nxt].start] in (" ", "\u00a0"):
                j = nxt
            else:
                break
        single = len(tokens[i].text)
        choice = _choose(text, tokens, i, at, label, today)
        if choice is not None:
            found.append(choice)
            i = at[NIP_DIGITS if choice.kind == "nip" else NIK_DIGITS] + 1
        elif label is not None and single >= 8:
            # "NIP 1985031720100110": the reporter meant an identifier and mistyped it.
            reason = NIP_INVALID_LENGTH if label == "nip" else NIK_INVALID_LENGTH
            tok = tokens[i]
            found.append(
                entity(
                    label,  # type: ignore[arg-type]
                    text,
                    tok.start,
                    tok.end,
                    valid=False,
                    value={"digits": tok.text[:40]},
                    reason=gettext(reason),
                )
            )
            i += 1
        else:
            i += 1
    return found


def _choose(
    text: str,
    tokens: list[Token],
    i: int,
    at: dict[int, int],
    label: str | None,
    today: datetime.date,
) -> Entity | None:
    """The NIP or NIK that the groups from token i make, if any. When the groups reach both
    16 and 18 digits ("3275015703900001 12"), the one that validates wins; a tie goes to the
    NIK when its 16 digits were one group, else to the NIP."""
    candidates: list[Entity] = []
    for size, make, kind in ((NIP_DIGITS, _nip_entity, "nip"), (NIK_DIGITS, _nik_entity, "nik")):
        last = at.get(size)
        if last is None or label == ("nik" if kind == "nip" else "nip"):
            continue
        if _glued_after(tokens, last):
            continue
        groups = [t.text for t in tokens[i : last + 1] if t.is_digits]
        if _thousands(tokens[i : last + 1], groups):
            continue
        candidates.append(make(text, tokens[i].start, tokens[last].end, "".join(groups), today))
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    nip, nik = candidates
    if nip.valid != nik.valid:
        return nip if nip.valid else nik
    return nik if at[NIK_DIGITS] == i else nip


def _thousands(run: list[Token], groups: list[str]) -> bool:
    """ "600.000.000.000.000.000": an amount with thousands dots, not an identifier."""
    dotted = any(t.text == "." for t in run)
    return dotted and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def _glued(left: Token, right: Token) -> bool:
    """A digit run stuck to a word or to another number ("A1985...", "12.198..."), which is
    part of something else."""
    return left.end == right.start and (left.is_word or left.text in (".", ",", "/"))


def _glued_after(tokens: list[Token], j: int) -> bool:
    nxt = j + 1
    return nxt < len(tokens) and tokens[j].end == tokens[nxt].start and tokens[nxt].is_word
