"""Mentions of a candidate pair by its ballot number: "paslon nomor urut 2", "paslon 01",
"pasangan calon nomor urut 1", "nomor urut 3", "nomor 3", "cabup no. 2", and a bare "01"
after a campaigning verb ("disuruh menangkan 01", "coblos 02").

"Nomor 20 Tahun 2023" (an act) and "nomor telepon" are not pairs: the number must be small
and not followed by "tahun" or "/".
"""

from __future__ import annotations

from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token, small_int

# Words that name a pair or a candidate.
PAIR_WORDS = frozenset(
    {
        "paslon", "bapaslon", "calon", "cagub", "cawagub", "cabup", "cawabup", "cawalkot",
        "cawakot", "cakada", "kandidat",
    }
)  # fmt: skip
# Verbs after which a zero-padded number is a pair ("menangkan 01").
VOTE_VERBS = frozenset(
    {
        "pilih", "memilih", "coblos", "nyoblos", "mencoblos", "menangkan", "menangin",
        "memenangkan", "dukung", "mendukung", "dukungan", "kampanyekan", "kampanye", "menang",
        "salam", "coblosan",
    }
)  # fmt: skip
NUMBER_WORDS = frozenset({"nomor", "no", "nomer", "nmr"})
MAX_PAIR = 20


def _pair_number(tokens: list[Token], j: int) -> int | None:
    """The ballot number at token j, if it is one (1..20, not an act's "Nomor 7 Tahun")."""
    if j >= len(tokens):
        return None
    number = small_int(tokens[j], digits=2)
    if number is None or not 1 <= number <= MAX_PAIR:
        return None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and (nxt.lower in ("tahun", "thn") or nxt.text in ("/", ".", ",")):
        if nxt.text in (".", ",") and (j + 2 >= len(tokens) or not tokens[j + 2].is_digits):
            return number  # end of a sentence or a list: "paslon nomor 2."
        if nxt.text in (".", ",") and nxt.start != tokens[j].end:
            return number
        return None
    return number


def extract_candidate_pairs(text: str, tokens: list[Token]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        j = i
        cue = False
        if tok.lower == "pasangan" and i + 1 < len(tokens) and tokens[i + 1].lower == "calon":
            j, cue = i + 2, True
        elif tok.lower in PAIR_WORDS:
            j, cue = i + 1, True
        # "nomor urut 2", "no. urut 2", "nomor 3"
        k = j
        numbered = False
        if k < len(tokens) and tokens[k].lower in NUMBER_WORDS:
            k += 1
            if k < len(tokens) and tokens[k].text == ".":
                k += 1
            numbered = True
        if k < len(tokens) and tokens[k].lower == "urut":
            k += 1
            numbered = True
        if (cue or numbered) and k > i:
            number = _pair_number(tokens, k)
            if number is not None:
                end = tokens[k].end
                found.append(
                    entity("candidate_pair", text, tok.start, end, value={"number": number})
                )
                i = k + 1
                continue
        # "menangkan 01": a zero-padded number after a campaigning verb.
        if tok.lower in VOTE_VERBS and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            number = _pair_number(tokens, i + 1)
            if number is not None and len(nxt.text) == 2 and nxt.text.startswith("0"):
                found.append(
                    entity("candidate_pair", text, nxt.start, nxt.end, value={"number": number})
                )
                i += 2
                continue
        i += 1
    return found
