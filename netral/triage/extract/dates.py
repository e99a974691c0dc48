"""Dates as Indonesian reports and news write them, each resolved to a calendar date.

Forms read (token by token, no pattern over the text):
- "17 September 2024", "17 Sept 2024", "Selasa, 17 September 2024", "22 September" (the
  year of the next dated mention in a range like "25 September-23 November 2024", else the
  reference year);
- "27/11/2024", "17-9-2024", "17.9.2024", "27/11/24", "2024-09-17"; "Selasa (17/9)" and
  "(17/9)" with the reference year;
- relative to the reference date (the report's date): "hari ini", "tadi pagi", "kemarin
  sore", "kemarin lusa", "semalam", "besok", "lusa", "3 hari lalu", "minggu lalu", "pekan
  lalu", "bulan lalu", "Senin lalu", "Jumat kemarin".
A weekday named beside a date is checked against it: a mismatch is flagged, not dropped.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext

from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token, small_int, spaced

WEEKDAY_MISMATCH = "Tanggal ini jatuh pada hari {actual}, bukan {named}."
NOT_A_DATE = "Tanggal ini tidak ada di kalender."

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12,
    "des": 12,
}  # fmt: skip
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}  # fmt: skip
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
PARTS_OF_DAY = frozenset({"pagi", "siang", "sore", "malam", "subuh", "petang"})
# Words that join two dates of one range: "25 September-23 November 2024".
RANGE_WORDS = frozenset({"-", "\u2013", "hingga", "sampai", "s", "sd", "dan"})
MIN_YEAR, MAX_YEAR = 1900, 2100


def _weekday_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(index, weekday) of a weekday name ending just before token i, skipping a comma or an
    opening parenthesis: "Selasa, 17", "Selasa (17/9)"."""
    j = i - 1
    if j >= 0 and tokens[j].text in (",", "("):
        j -= 1
    if j >= 0 and tokens[j].lower in WEEKDAYS:
        return j, WEEKDAYS[tokens[j].lower]
    # "Jum'at": three tokens.
    apostrophes = ("'", "\u2019")
    if j >= 2 and tokens[j].lower == "at" and tokens[j - 1].text in apostrophes:
        return (j - 2, 4) if tokens[j - 2].lower == "jum" else None
    return None


def _make(
    text: str,
    start: int,
    end: int,
    year: int,
    month: int,
    day: int,
    *,
    weekday: int | None,
    extra: dict[str, Any],
) -> Entity:
    try:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError
        value = datetime.date(year, month, day)
    except ValueError:
        reason = gettext(NOT_A_DATE)
        return entity("date", text, start, end, valid=False, value=extra, reason=reason)
    values = {"date": value.isoformat(), "precision": "day", **extra}
    if weekday is not None and value.weekday() != weekday:
        reason = gettext(WEEKDAY_MISMATCH).format(
            actual=gettext(WEEKDAY_NAMES[value.weekday()]), named=gettext(WEEKDAY_NAMES[weekday])
        )
        return entity("date", text, start, end, valid=False, value=values, reason=reason)
    return entity("date", text, start, end, value=values)


def _year(token: Token) -> int | None:
    value = small_int(token, digits=4)
    if value is None or len(token.text) not in (2, 4):
        return None
    return value if len(token.text) == 4 else 2000 + value


def _numeric(text: str, tokens: list[Token], i: int) -> tuple[int, int, int | None, int] | None:
    """ "27/11/2024", "17-9-2024", "17.9.2024", "(17/9)": (day, month, year or None, last
    token index). The separators are the same and nothing stands between the tokens."""
    if i + 2 >= len(tokens):
        return None
    d, sep, m = tokens[i], tokens[i + 1], tokens[i + 2]
    if sep.text not in ("/", "-", ".") or not (d.end == sep.start and sep.end == m.start):
        return None
    day, month = small_int(d, digits=2), small_int(m, digits=2)
    if day is None or month is None or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if i + 4 < len(tokens):
        sep2, y = tokens[i + 3], tokens[i + 4]
        if sep2.text == sep.text and m.end == sep2.start and sep2.end == y.start:
            year = _year(y)
            if year is None:
                return None
            if _continues(tokens, i + 4):
                return None
            return day, month, year, i + 4
    if _continues(tokens, i + 2):
        return None
    # Without a year only "17/9" in parentheses or after a weekday: "pasal 2/3" is no date.
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 3].text if i + 3 < len(tokens) else ""
    if sep.text == "/" and (before == "(" and after == ")"):
        return day, month, None, i + 2
    return None


def _continues(tokens: list[Token], j: int) -> bool:
    """Another digit or separator glued on: "1/2/3/4", "17.9.2024.5" are not dates."""
    nxt = j + 1
    if nxt >= len(tokens) or tokens[j].end != tokens[nxt].start:
        return False
    return tokens[nxt].is_digits or (
        tokens[nxt].text in ("/", "-", ".")
        and nxt + 1 < len(tokens)
        and tokens[nxt].end == tokens[nxt + 1].start
        and tokens[nxt + 1].is_digits
    )


def _iso(tokens: list[Token], i: int) -> tuple[int, int, int, int] | None:
    """ "2024-09-17": (year, month, day, last index)."""
    if i + 4 >= len(tokens) or len(tokens[i].text) != 4:
        return None
    y, s1, m, s2, d = tokens[i : i + 5]
    if not (s1.text == s2.text == "-" and y.end == s1.start == m.start - 1 and m.end == s2.start):
        return None
    if s2.end != d.start or len(m.text) != 2 or len(d.text) != 2:
        return None
    year, month, day = small_int(y, digits=4), small_int(m, digits=2), small_int(d, digits=2)
    if year is None or month is None or day is None:
        return None
    return year, month, day, i + 4


def _spelled(text: str, tokens: list[Token], i: int) -> tuple[int, int, int | None, int] | None:
    """ "17 September 2024", "17 Sept. 2024", "22 September": (day, month, year, last)."""
    day = small_int(tokens[i], digits=2)
    if day is None or not 1 <= day <= 31 or i + 1 >= len(tokens):
        return None
    month_tok = tokens[i + 1]
    month = MONTHS.get(month_tok.lower)
    if month is None or not spaced(text, tokens[i], month_tok):
        return None
    last = i + 1
    j = i + 2
    if j < len(tokens) and tokens[j].text == "." and tokens[j].start == month_tok.end:
        j += 1  # "Sept."
    if j < len(tokens) and spaced(text, tokens[j - 1], tokens[j]):
        year = _year(tokens[j]) if len(tokens[j].text) == 4 else None
        if year is not None:
            return day, month, year, j
    return day, month, None, last


def _relative(tokens: list[Token], i: int, ref: datetime.date) -> tuple[int, dict[str, Any]] | None:
    """A relative expression starting at token i: (last index, value)."""
    word = tokens[i].lower
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    nxt2 = tokens[i + 2].lower if i + 2 < len(tokens) else ""

    def day(delta: int, last: int, part: str | None = None) -> tuple[int, dict[str, Any]]:
        value: dict[str, Any] = {
            "date": (ref + datetime.timedelta(days=delta)).isoformat(),
            "precision": "day",
            "relative": True,
        }
        if part:
            value["part_of_day"] = part
        return last, value

    if word == "kemarin" and nxt == "lusa":
        return day(-2, i + 1)
    if word == "kemarin":
        return day(-1, i + 1, nxt) if nxt in PARTS_OF_DAY else day(-1, i)
    if word == "tadi" and nxt in PARTS_OF_DAY:
        return day(0, i + 1, nxt)
    if word == "semalam":
        return day(-1, i, "malam")
    if word == "hari" and nxt == "ini":
        return day(0, i + 1)
    if word == "besok":
        return day(1, i + 1, nxt) if nxt in PARTS_OF_DAY else day(1, i)
    if word == "lusa":
        return day(2, i)
    if word in ("minggu", "pekan") and nxt in ("lalu", "kemarin"):
        monday = ref - datetime.timedelta(days=ref.weekday() + 7)
        return i + 1, {
            "date": monday.isoformat(),
            "until": (monday + datetime.timedelta(days=6)).isoformat(),
            "precision": "week",
            "relative": True,
        }
    if word == "bulan" and nxt in ("lalu", "kemarin"):
        first = (ref.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
        return i + 1, {"date": first.strftime("%Y-%m"), "precision": "month", "relative": True}
    if word in WEEKDAYS and nxt in ("lalu", "kemarin"):
        back = (ref.weekday() - WEEKDAYS[word]) % 7 or 7
        return day(-back, i + 1)
    count = small_int(tokens[i], digits=3)
    if count is not None and nxt == "hari":
        if nxt2 == "lalu":
            return day(-count, i + 2)
        if nxt2 == "yang" and i + 3 < len(tokens) and tokens[i + 3].lower == "lalu":
            return day(-count, i + 3)
    return None


def extract_dates(text: str, tokens: list[Token], ref: datetime.date) -> list[Entity]:
    found: list[Entity] = []
    yearless: list[int] = []  # indexes in found of "22 September" awaiting a range's year
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        weekday = _weekday_at(tokens, i) if tok.is_digits else None
        start_tok = tokens[weekday[0]] if weekday else tok
        named = weekday[1] if weekday else None
        iso = _iso(tokens, i) if tok.is_digits else None
        if iso is not None:
            year, month, day, last = iso
            found.append(
                _make(text, tok.start, tokens[last].end, year, month, day, weekday=None, extra={})
            )
            i = last + 1
            continue
        parsed = (_numeric(text, tokens, i) or _spelled(text, tokens, i)) if tok.is_digits else None
        if parsed is not None:
            d, m, y, last = parsed
            end = tokens[last].end
            if y is None and tokens[last].end < len(text) and i >= 1 and tokens[i - 1].text == "(":
                # "Selasa (17/9)": the span takes the parentheses with it.
                end = tokens[last + 1].end if last + 1 < len(tokens) else end
                start = start_tok.start if weekday else tokens[i - 1].start
            else:
                start = start_tok.start
            extra: dict[str, Any] = {"year_assumed": True} if y is None else {}
            found.append(_make(text, start, end, y or ref.year, m, d, weekday=named, extra=extra))
            if y is None:
                yearless.append(len(found) - 1)
            elif yearless:
                _range_year(text, found, yearless, y)
            i = last + 1
            continue
        relative = _relative(tokens, i, ref)
        if relative is not None:
            last, value = relative
            found.append(entity("date", text, tok.start, tokens[last].end, value=value))
            i = last + 1
            continue
        i += 1
    return found


def _range_year(text: str, found: list[Entity], yearless: list[int], year: int) -> None:
    """ "25 September-23 November 2024": the first date takes the second's year when only a
    range word stands between them."""
    last = found[-1]
    index = yearless[-1]
    first = found[index]
    between = text[first.end : last.start].strip().lower().replace(".", "").replace("/", "")
    if index == len(found) - 2 and between in RANGE_WORDS | {""} and first.valid:
        value = dict(first.value)
        month_day = value["date"][4:]
        try:
            value["date"] = datetime.date.fromisoformat(f"{year:04d}{month_day}").isoformat()
        except ValueError:
            return
        value.pop("year_assumed", None)
        found[index] = entity("date", text, first.start, first.end, value=value)
    yearless.clear()
