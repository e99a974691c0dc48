"""Comparing the names of reported civil servants and of their agencies, without a database.

Reporters write the same person many ways: "Drs. H. Ahmad Yani, M.Si", "pak Achmad Yani",
"AHMAD YANI S.Pd". A name key drops academic degrees, religious and honorific titles and
punctuation, lower-cases and sorts the remaining words; two keys are compared by a token-set
similarity in which each word finds its closest partner (so "achmad" still meets "ahmad").
Agencies get the same treatment with their common abbreviations spelt out ("Kab." ->
"kabupaten", "Disdik" -> "dinas pendidikan").

Every function is linear in its input (bounded to ``MAX_CHARS``): no regular expression
runs over the reporter's text.
"""

from __future__ import annotations

import difflib
import unicodedata

MAX_CHARS = 300
MAX_WORDS = 12

# Titles written before the name (with or without the dot), and honorifics of speech.
PREFIX_TITLES = frozenset(
    {
        "drs", "dra", "dr", "ir", "prof", "h", "hj", "kh", "hc", "ust", "ustadz", "ustadzah",
        "pak", "bapak", "bu", "ibu", "sdr", "sdri", "saudara", "saudari", "tn", "ny", "nn",
        "dg",
    }
)  # fmt: skip
# Degrees written after the name (dots removed): S1/S2/S3 and diploma titles in use.
DEGREES = frozenset(
    {
        "spd", "spdi", "spdsd", "mpd", "mpdi", "ssos", "msi", "sh", "mh", "se", "mm", "msc",
        "skom", "mkom", "st", "mt", "sag", "mag", "sip", "map", "amd", "amdkeb", "amdkep",
        "skep", "ns", "sked", "skm", "mkes", "sp", "spt", "sfarm", "apt", "shi", "sthi", "sei",
        "mba", "phd", "ak", "mkn", "ssi", "ssn", "ahmd", "bsc", "ba", "ma",
        "dipl", "sstp", "mec", "msn", "mhum", "shum", "sikom", "spsi", "mpsi", "sap", "sgz",
    }
)  # fmt: skip
# Agency abbreviations spelt out before comparing.
AGENCY_WORDS = {
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
    "prov": "provinsi",
    "disdik": "dinas pendidikan",
    "dindik": "dinas pendidikan",
    "dinkes": "dinas kesehatan",
    "dishub": "dinas perhubungan",
    "dispendik": "dinas pendidikan",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "setda": "sekretariat daerah",
    "sekda": "sekretariat daerah",
}
AGENCY_STOP = frozenset({"dan", "the", "of"})

# Thresholds (token-set similarity 0..1) for proposing that a report is about a person.
NAME_MATCH = 0.85
AGENCY_MATCH = 0.8
WORD_MATCH = 0.8


def _words(value: str) -> list[str]:
    """Lower-case words of letters and digits; every other character separates words, except
    a dot inside a word ("S.Pd"), which joins."""
    text = unicodedata.normalize("NFKD", value[:MAX_CHARS]).casefold()
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isalnum():
            current.append(ch)
        elif ch in ".'`\u2019" or unicodedata.combining(ch):
            continue  # "S.Pd" -> "spd", "Ma'ruf" -> "maruf", accents dropped
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def name_words(name: str) -> list[str]:
    """The words of a person's name without titles and degrees, in order.

    Everything after the first comma is degrees ("Ahmad Yani, S.Pd., M.Si"); titles in front
    are dropped while they lead; degrees are dropped anywhere after the first word.
    """
    head = name[:MAX_CHARS].split(",", 1)[0]
    words = _words(head)
    while words and words[0] in PREFIX_TITLES and len(words) > 1:
        words.pop(0)
    kept = [w for i, w in enumerate(words) if i == 0 or w not in DEGREES]
    return kept[:MAX_WORDS]


def name_key(name: str) -> str:
    """The name's words (``name_words``), sorted and joined by spaces: equal for "Drs. H. Ahmad
    Yani" and "yani ahmad, M.Si"."""
    return " ".join(sorted(set(name_words(name))))


def agency_words(agency: str) -> list[str]:
    """An agency's words with common abbreviations spelt out."""
    out: list[str] = []
    for word in _words(agency):
        if word in AGENCY_STOP:
            continue
        out.extend(AGENCY_WORDS.get(word, word).split())
    return out[: MAX_WORDS * 2]


def agency_key(agency: str) -> str:
    return " ".join(sorted(set(agency_words(agency))))


def _word_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    # An initial ("M." for "Muhammad") meets a word with the same first letter, half-weighted.
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return 0.5
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio if ratio >= WORD_MATCH else 0.0


def token_set_similarity(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """0..1: how well the two word sets cover each other. Each word of the smaller set takes
    its best partner in the larger one; the sum is scaled by the larger set's size, so a
    missing middle name costs less than a different one but something all the same."""
    left, right = set(a), set(b)
    if not left or not right:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    total = sum(max(_word_score(w, v) for v in right) for w in left)
    # The smaller set fully matched inside a larger one scores by how much of it is covered.
    return total / (len(left) + (len(right) - len(left)) * 0.5)


def name_similarity(a: str, b: str) -> float:
    return token_set_similarity(name_words(a), name_words(b))


def agency_similarity(a: str, b: str) -> float:
    return token_set_similarity(agency_words(a), agency_words(b))
