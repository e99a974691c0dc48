"""Indonesian normalisation: lower case, informal spellings and abbreviations from
``data/slang.tsv``, reduplication ("kades2", "anak-anak"), then Sastrawi stems.

Tokens are runs of ASCII letters and digits found by one linear scan (no backtracking
pattern); callers bound the text's length. Each token remembers the word the reporter wrote,
so that the words shown as "because" are theirs ("kades2"), not the expansion.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SLANG_FILE = DATA_DIR / "slang.tsv"

_WORD = re.compile(r"[a-z0-9]+")
# "kades2", "bagi2": a word of letters with the reduplication digit; "01" and "2" stay.
_REDUPLICATED = re.compile(r"[a-z]{2,}2")
NUMBER = "#"
# Words whose Sastrawi root would merge two meanings the types tell apart: "pasangan (calon)"
# would become "pasang", the verb of putting up banners.
KEEP_WHOLE = frozenset({"pasangan"})


@dataclass(frozen=True)
class Token:
    surface: str  # the word as written, lower-cased
    norm: str  # after the slang table
    stem: str  # Sastrawi's root of ``norm``; digits become "#"


@cache
def slang_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in SLANG_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, replacement = line.partition("\t")
        table[word.strip()] = tuple(replacement.split())
    return table


@cache
def slang_sha256() -> str:
    return hashlib.sha256(SLANG_FILE.read_bytes()).hexdigest()


class _WordSet:
    """Sastrawi's root-word dictionary as a set: its own ``ArrayDictionary`` is a list, and
    each of the dozens of look-ups per word scans some 30,000 roots (about 0.1 s a word)."""

    def __init__(self, words: list[str]) -> None:
        self.words = frozenset(w for w in words if w.strip())

    def contains(self, word: str) -> bool:
        return word in self.words


@cache
def _stemmer() -> Any:
    # Built once per process; the same Nazief-Adriani/ECS rules as StemmerFactory's stemmer.
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return Stemmer(_WordSet(StemmerFactory().get_words()))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root of one normalised word (memoised: Sastrawi takes about a millisecond)."""
    if word.isdigit():
        return NUMBER
    if word in KEEP_WHOLE:
        return word
    return str(_stemmer().stem(word)) or word


def normalised_words(text: str) -> list[tuple[str, str]]:
    """Each word as written (lower case) with its normalised form(s): reduplication undone,
    the slang table applied. The one normalisation of triage: the classifier stems these
    (``tokenise``), the duplicate signature hashes them (``duplicates.text_words``)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    slang = slang_table()
    out: list[tuple[str, str]] = []
    for match in _WORD.finditer(folded):
        surface = match.group()
        word = surface[:-1] if _REDUPLICATED.fullmatch(surface) else surface
        out.extend((surface, norm) for norm in slang.get(word, (word,)))
    return out


def tokenise(text: str) -> list[Token]:
    return [
        Token(surface=surface, norm=norm, stem=stem(norm))
        for surface, norm in normalised_words(text)
    ]
