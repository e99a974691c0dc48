"""Amounts of money, as integer rupiah: "Rp6 juta", "Rp 600.000", "Rp 1,5 M", "500rb",
"50k", "enam ratus ribu rupiah", "dua juta lima ratus ribu".

An amount needs a sign that it is money: "Rp"/"IDR" before it, "rupiah" after it, a slang
multiplier only used for money ("rb", "jt", "k"), or a money word shortly before it ("denda",
"uang", "amplop", "sebesar" ...): "enam juta penduduk" is not money.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token

UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
}  # fmt: skip
# Words that are a whole group: "sepuluh" = 10, "seratus" = 100 ...
SE_WORDS = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
SCALES = {
    "ribu": 1_000, "rb": 1_000, "rebu": 1_000, "k": 1_000, "juta": 1_000_000, "jt": 1_000_000,
    "jeti": 1_000_000, "miliar": 10**9, "milyar": 10**9, "m": 10**9, "triliun": 10**12,
    "t": 10**12,
}  # fmt: skip
SE_SCALES = {"seribu": 1_000, "sejuta": 1_000_000, "semiliar": 10**9, "semilyar": 10**9}
# Multipliers nobody uses for anything but money.
MONEY_SLANG = frozenset({"rb", "rebu", "jt", "jeti", "k"})
# Single letters are multipliers only right after a number glued or spaced ("1,5 M", "50k").
LETTER_SCALES = frozenset({"k", "m", "t"})
CURRENCY = frozenset({"rp", "idr"})
MONEY_WORDS = frozenset(
    {
        "denda", "uang", "amplop", "senilai", "seharga", "dibayar", "dibayarkan", "dibagikan",
        "diberi", "diberikan", "imbalan", "honor", "upah", "transport", "ongkos", "bayaran",
        "sogok", "suap", "insentif", "duit",
    }
)  # fmt: skip
CUE_WINDOW = 3
MAX_GROUPS = 6  # "1.000.000.000.000.000": more thousands groups is not an amount
MAX_WORDS = 12
MAX_RUPIAH = 10**15
MIN_CUED = 1_000


def _number(text: str, tokens: list[Token], i: int) -> tuple[Decimal, int] | None:
    """A written number from token i: "600.000", "6", "6,5", "1.500.000,00": (value, last
    index). Dots group thousands, a comma starts the decimals (Indonesian)."""
    tok = tokens[i]
    if not tok.is_digits or len(tok.text) > 15:
        return None
    digits, j, groups = tok.text, i, 0
    while (
        j + 2 < len(tokens)
        and tokens[j + 1].text == "."
        and tokens[j].end == tokens[j + 1].start == tokens[j + 2].start - 1
        and tokens[j + 2].is_digits
        and len(tokens[j + 2].text) == 3
        and groups < MAX_GROUPS
    ):
        digits += tokens[j + 2].text
        j += 2
        groups += 1
    if (
        j + 2 < len(tokens)
        and tokens[j + 1].text == ","
        and tokens[j].end == tokens[j + 1].start == tokens[j + 2].start - 1
        and tokens[j + 2].is_digits
        and len(tokens[j + 2].text) <= 2
    ):
        digits += "." + tokens[j + 2].text
        j += 2
    try:
        return Decimal(digits), j
    except InvalidOperation:
        return None


def _words(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Indonesian number words from token i: "enam ratus ribu", "dua juta lima ratus ribu",
    "seratus dua puluh lima": (value, last index)."""
    total, group, unit = 0, 0, 0
    last = None
    j = i
    while j < len(tokens) and j - i < MAX_WORDS:
        w = tokens[j].lower
        if w in UNITS and unit == 0:
            unit = UNITS[w] or 0
        elif w in SE_WORDS:
            group += SE_WORDS[w]
        elif w == "belas":
            group += 10 + unit
            unit = 0
        elif w == "puluh" and unit:
            group += unit * 10
            unit = 0
        elif w == "ratus" and unit:
            group += unit * 100
            unit = 0
        elif w in SE_SCALES:
            total += SE_SCALES[w]
        elif w in ("ribu", "juta", "miliar", "milyar", "triliun") and (group or unit):
            total += (group + unit) * SCALES[w]
            group = unit = 0
        else:
            break
        last = j
        j += 1
    if last is None:
        return None
    value = total + group + unit
    return (value, last) if value else None


def _cue_before(tokens: list[Token], i: int) -> bool:
    return any(t.lower in MONEY_WORDS for t in tokens[max(0, i - CUE_WINDOW) : i])


def extract_money(text: str, tokens: list[Token]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        start_i = i
        currency = tok.lower in CURRENCY
        if currency:
            j = i + 1
            if j < len(tokens) and tokens[j].text == "." and tokens[j].start == tok.end:
                j += 1  # "Rp."
            if j >= len(tokens) or tokens[j].start - tokens[j - 1].end > 1:
                i += 1
                continue
            i = j
        amount = _amount(text, tokens, i)
        if amount is None:
            i = start_i + 1
            continue
        value, last, slang = amount
        after = tokens[last + 1].lower if last + 1 < len(tokens) else ""
        rupiah = after == "rupiah"
        # A money word before a bare number is a weaker sign: only a sizeable amount that no
        # noun follows ("denda enam ratus ribu," but not "uang 2 kali").
        cued = (
            value >= MIN_CUED
            and not (after and tokens[last + 1].is_word)
            and _cue_before(tokens, start_i)
        )
        if not (currency or rupiah or slang or cued):
            i = last + 1
            continue
        if rupiah:
            last += 1
        if 0 < value <= MAX_RUPIAH:
            found.append(
                entity(
                    "money",
                    text,
                    tokens[start_i].start,
                    tokens[last].end,
                    value={"amount": value, "currency": "IDR"},
                )
            )
        i = last + 1
    return found


def _amount(text: str, tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """(rupiah, last index, whether a money-only multiplier was used) of the amount at i."""
    if i >= len(tokens):
        return None
    number = _number(text, tokens, i)
    if number is None:
        words = _words(tokens, i)
        if words is None:
            return None
        return words[0], words[1], False
    value, last = number
    nxt = last + 1
    if nxt < len(tokens) and tokens[nxt].start - tokens[last].end <= 1:
        scale_word = tokens[nxt].lower
        glued = tokens[nxt].start == tokens[last].end
        letter_ok = scale_word not in LETTER_SCALES or glued or _ends(tokens, nxt)
        if scale_word in SCALES and letter_ok:
            return int(value * SCALES[scale_word]), nxt, scale_word in MONEY_SLANG
    return int(value), last, False


def _ends(tokens: list[Token], j: int) -> bool:
    """A single-letter multiplier stands alone ("Rp 1,5 M.", "Rp 2 T,")."""
    return j + 1 >= len(tokens) or not tokens[j + 1].is_word
