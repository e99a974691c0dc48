"""References to the law: articles ("Pasal 71 ayat (1) UU 10/2016", "pasal 70 ayat 1",
"Ps. 188", "Pasal 9 ayat (2) huruf b") and laws and regulations on their own ("UU Nomor 20
Tahun 2023", "UU No. 10 Tahun 2016", "PP 94/2021", "Undang-Undang Pemilihan").

A small state machine over the tokens: article, then optional paragraph and letter, then an
optional act (its type, number and year, or a name such as "Pemilihan" or "ASN").
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext

from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token, small_int

ACT_YEAR_UNLIKELY = "Tahun peraturan ini tidak mungkin: {year}."

# Act abbreviations and the type they stand for.
ACT_TYPES = {
    "uu": "UU",
    "perppu": "Perppu",
    "perpu": "Perppu",
    "pp": "PP",
    "perpres": "Perpres",
    "pkpu": "PKPU",
    "perbawaslu": "Perbawaslu",
    "permenpan": "PermenPANRB",
    "skb": "SKB",
}
# Names an act goes by in reports and news ("Undang-Undang Pemilihan", "UU ASN").
ACT_NAMES = {
    "pemilihan": "Pemilihan",
    "pilkada": "Pilkada",
    "pemilu": "Pemilu",
    "asn": "ASN",
    "ite": "ITE",
    "kuhp": "KUHP",
}
ARTICLE_WORDS = frozenset({"pasal", "ps", "psl"})
NUMBER_WORDS = frozenset({"nomor", "no", "nomer", "nmr"})
FIRST_ACT_YEAR = 1945


class _Cursor:
    """Walks the tokens from one index; every step either consumes or leaves it unchanged."""

    def __init__(self, tokens: list[Token], i: int) -> None:
        self.tokens, self.i = tokens, i

    def peek(self, ahead: int = 0) -> Token | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def word(self, *words: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.lower in words:
            self.i += 1
            return True
        return False

    def punct(self, mark: str) -> bool:
        tok = self.peek()
        if tok is not None and tok.text == mark:
            self.i += 1
            return True
        return False

    def number(self, digits: int = 4) -> str | None:
        tok = self.peek()
        if tok is not None and small_int(tok, digits=digits) is not None:
            self.i += 1
            # "71A": a letter glued to the number belongs to it.
            nxt = self.peek()
            if nxt is not None and nxt.start == tok.end and nxt.is_word and len(nxt.text) == 1:
                self.i += 1
                return tok.text + nxt.text.upper()
            return tok.text.lstrip("0") or "0"
        return None


def _lower(tok: Token | None) -> str:
    return tok.lower if tok is not None else ""


def _year(c: _Cursor) -> int | None:
    tok = c.peek()
    if tok is not None and len(tok.text) == 4 and tok.is_digits:
        c.i += 1
        return int(tok.text)
    return None


def _act(c: _Cursor, *, plain: bool = False) -> dict[str, Any] | None:
    """ "UU 10/2016", "UU Nomor 20 Tahun 2023", "Undang-Undang No. 7 Tahun 2017", "UU
    Pemilihan", "PP 94/2021"; None when no act starts at the cursor."""
    start = c.i
    tok = c.peek()
    if tok is None:
        return None
    act_type: str | None = None
    if tok.lower in ACT_TYPES:
        act_type = ACT_TYPES[tok.lower]
        c.i += 1
    elif tok.lower == "undang":
        c.i += 1
        if not (c.punct("-") and c.word("undang")):
            c.i = start
            return None
        act_type = "UU"
    elif tok.lower == "peraturan" and _lower(c.peek(1)) == "pemerintah":
        c.i += 2
        act_type = "PP"
    else:
        return None
    mark = c.i
    c.word(*NUMBER_WORDS)
    c.punct(".")
    number = c.number()
    if number is not None:
        after_number = c.i
        if c.punct("/") or (c.word("tahun", "thn", "th") and (c.punct(".") or True)):
            year = _year(c)
            if year is not None:
                return {"type": act_type, "number": number, "year": year}
        c.i = after_number
        return {"type": act_type, "number": number, "year": None}
    c.i = mark
    name = c.peek()
    if name is not None and name.lower in ACT_NAMES:
        c.i += 1
        return {"type": act_type, "name": ACT_NAMES[name.lower]}
    if plain and act_type == "UU" and tok.lower == "undang":
        return {"type": act_type}  # "Pasal 5 Undang-Undang": the article of some law
    c.i = start
    return None


def _article(c: _Cursor) -> dict[str, Any] | None:
    if not c.word(*ARTICLE_WORDS):
        return None
    c.punct(".")
    article = c.number()
    if article is None:
        return None
    value: dict[str, Any] = {"article": article, "paragraph": None, "letter": None}
    mark = c.i
    if c.word("ayat", "ay"):
        if c.punct("("):
            paragraph = c.number(digits=2)
            if paragraph is not None and c.punct(")"):
                value["paragraph"] = paragraph
                mark = c.i
        else:
            paragraph = c.number(digits=2)
            if paragraph is not None:
                value["paragraph"] = paragraph
                mark = c.i
    c.i = mark
    if c.word("huruf"):
        tok = c.peek()
        if tok is not None and tok.is_word and len(tok.text) == 1:
            c.i += 1
            value["letter"] = tok.lower
            mark = c.i
    c.i = mark
    return value


def extract_legal_refs(text: str, tokens: list[Token], ref: datetime.date) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        c = _Cursor(tokens, i)
        value = _article(c)
        if value is not None:
            value["act"] = _act(c, plain=True)
        else:
            c.i = i
            act = _act(c)
            value = {"act": act} if act is not None else None
        if value is None or c.i == i:
            i += 1
            continue
        last = tokens[c.i - 1]
        year = (value.get("act") or {}).get("year")
        if year is not None and not FIRST_ACT_YEAR <= year <= ref.year:
            reason = gettext(ACT_YEAR_UNLIKELY).format(year=year)
            found.append(
                entity(
                    "legal_ref",
                    text,
                    tokens[i].start,
                    last.end,
                    valid=False,
                    value=value,
                    reason=reason,
                )
            )
        else:
            found.append(entity("legal_ref", text, tokens[i].start, last.end, value=value))
        i = c.i
    return found
