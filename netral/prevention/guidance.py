""" "Boleh atau tidak?": the guide for ASN built from the rulebook, and its question box.

The forbidden acts are the rulebook's violation types (act, sanctions, legal basis), with the
examples and keywords of ``data/guidance.toml``; the permitted acts live in that file only.
A question is matched by a bounded, deterministic scorer: normalise case, drop punctuation,
split on whitespace, fold slang and synonyms, strip a few suffixes, and add up the weights of
the entry's words the question shares. No regular expression runs over the question.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from netral.rules import selectors as rules
from netral.rules.schemas import NO_SANCTION, Code

DATA_FILE = Path(__file__).resolve().parent / "data" / "guidance.toml"

Verdict = Literal["forbidden", "allowed", "depends"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Longest question read; a longer one is refused with a reason.
MAX_QUESTION = 500
# Most words of a question scored (after the length cap, a bound on the work per request).
MAX_WORDS = 80
MAX_RESULTS = 10
QUESTION_TOO_LONG = "Pertanyaan terlalu panjang: paling banyak {limit} karakter."
UNMATCHED_CODES = "guidance.toml does not match the rulebook: missing {missing}, unknown {unknown}"

# Weights: a keyword says most about an entry, then the words of its title, then examples.
WEIGHT_KEYWORD = 3
WEIGHT_TITLE = 2
WEIGHT_EXAMPLE = 1


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ForbiddenGuide(_Entry):
    code: Code
    examples: tuple[Text, ...] = Field(min_length=1)
    keywords: tuple[Text, ...] = ()


class PermittedAct(_Entry):
    code: Code
    title: Text
    title_en: Text
    verdict: Literal["allowed", "depends"]
    examples: tuple[Text, ...] = Field(min_length=1)
    keywords: tuple[Text, ...] = ()
    legal_basis: Text
    confirmed: bool = True
    note: str = ""


class GuidanceFile(_Entry):
    forbidden: tuple[ForbiddenGuide, ...] = Field(min_length=1)
    permitted: tuple[PermittedAct, ...] = Field(min_length=1)


# Slang, English loan words and inflected forms folded into one word each. Keys are words
# after lower-casing and punctuation removal; values are the word the entries use.
SYNONYMS: dict[str, str] = {
    # liking, sharing, commenting, following
    "like": "suka",
    "likes": "suka",
    "ngelike": "suka",
    "nge-like": "suka",
    "menyukai": "suka",
    "disukai": "suka",
    "love": "suka",
    "share": "bagikan",
    "ngeshare": "bagikan",
    "membagikan": "bagikan",
    "dibagikan": "bagikan",
    "repost": "bagikan",
    "forward": "bagikan",
    "meneruskan": "bagikan",
    "menyebarkan": "bagikan",
    "sebar": "bagikan",
    "retweet": "bagikan",
    "komen": "komentar",
    "comment": "komentar",
    "mengomentari": "komentar",
    "berkomentar": "komentar",
    "follow": "ikuti",
    "memfollow": "ikuti",
    "mengikuti": "ikuti",
    "subscribe": "ikuti",
    "post": "unggah",
    "posting": "unggah",
    "postingan": "unggah",
    "unggahan": "unggah",
    "mengunggah": "unggah",
    "upload": "unggah",
    "status": "unggah",
    "story": "unggah",
    "twibbon": "unggah",
    "medsos": "medsos",
    "sosmed": "medsos",
    "ig": "instagram",
    "fb": "facebook",
    "wa": "whatsapp",
    "twitter": "medsos",
    "x": "medsos",
    "youtube": "medsos",
    # photos
    "foto": "foto",
    "berfoto": "foto",
    "selfie": "foto",
    "swafoto": "foto",
    "wefie": "foto",
    "photo": "foto",
    "pose": "foto",
    "berpose": "foto",
    # candidates
    "paslon": "calon",
    "capres": "calon",
    "cawapres": "calon",
    "caleg": "calon",
    "cabup": "calon",
    "cawabup": "calon",
    "cagub": "calon",
    "cawagub": "calon",
    "cawalkot": "calon",
    "kandidat": "calon",
    "bacalon": "calon",
    "balon": "calon",
    "petahana": "petahana",
    "incumbent": "petahana",
    # campaigning
    "kampanye": "kampanye",
    "berkampanye": "kampanye",
    "mengkampanyekan": "kampanye",
    "kampanyekan": "kampanye",
    "campaign": "kampanye",
    "mendukung": "dukung",
    "dukungan": "dukungan",
    "support": "dukung",
    "timses": "sukses",
    # voting
    "mencoblos": "coblos",
    "nyoblos": "coblos",
    "dicoblos": "coblos",
    "memilih": "pilih",
    "milih": "pilih",
    "vote": "pilih",
    "voting": "pilih",
    "memberikan": "beri",
    "memberi": "beri",
    # verbs of the acts
    "memasang": "pasang",
    "dipasang": "pasang",
    "menempel": "tempel",
    "menempelkan": "tempel",
    "menghadiri": "hadir",
    "datang": "hadir",
    "ikut": "ikut",
    "mengikuti_acara": "hadir",
    "mengumpulkan": "kumpul",
    "kumpulkan": "kumpul",
    "mengerahkan": "kerah",
    "kerahkan": "kerah",
    "melibatkan": "libat",
    "memakai": "pakai",
    "menggunakan": "pakai",
    "pake": "pakai",
    "menerima": "terima",
    "diberi": "terima",
    "dikasih": "terima",
    "menonton": "nonton",
    "melihat": "lihat",
    "membaca": "baca",
    "mendengarkan": "dengar",
    "mendengar": "dengar",
    "melaporkan": "lapor",
    "mengadukan": "adukan",
    "mengajak": "ajak",
    "ajakan": "ajak",
    "menguntungkan": "untung",
    "merugikan": "rugi",
    "mendaftar": "daftar",
    "mendaftarkan": "daftar",
    "partai": "partai",
    "parpol": "partai",
    "kaos": "kaos",
    "kaus": "kaos",
    "mobil": "mobil",
    "mobdin": "mobil",
    "spanduk": "spanduk",
    "baliho": "baliho",
    "banner": "spanduk",
    "pamflet": "selebaran",
    "flyer": "selebaran",
    "brosur": "selebaran",
    "sembako": "sembako",
    "bansos": "sembako",
    "pns": "asn",
    "pppk": "asn",
    "honorer": "asn",
    "pegawai": "pegawai",
    "bawahan": "pegawai",
}

# Words that carry no meaning for matching.
STOPWORDS = frozenset(
    [
        "saya",
        "aku",
        "gue",
        "gua",
        "kami",
        "kita",
        "anda",
        "kamu",
        "boleh",
        "bolehkah",
        "apakah",
        "apa",
        "apa2",
        "yang",
        "di",
        "ke",
        "dari",
        "dan",
        "atau",
        "untuk",
        "dengan",
        "itu",
        "ini",
        "jika",
        "kalau",
        "kalo",
        "tidak",
        "tak",
        "ga",
        "gak",
        "nggak",
        "enggak",
        "ngga",
        "asn",
        "seorang",
        "sebagai",
        "pada",
        "dalam",
        "tentang",
        "ada",
        "bisa",
        "sudah",
        "udah",
        "akan",
        "mau",
        "ingin",
        "juga",
        "tapi",
        "saat",
        "ketika",
        "nya",
        "dong",
        "sih",
        "ya",
        "yah",
        "kah",
        "lah",
        "deh",
        "oleh",
        "bagi",
        "para",
        "sang",
        "si",
        "hal",
        "adalah",
        "jadi",
        "masih",
        "sendiri",
        "lain2",
        "dsb",
        "dll",
        "sambil",
        "serta",
        "atas",
        "namun",
        "agar",
        "supaya",
        "kepada",
    ]
)
SUFFIXES = ("nya", "kah", "lah", "ku", "mu")
# Punctuation and symbols become spaces; letters and digits stay.
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _word(raw: str) -> str:
    if raw in SYNONYMS:
        return SYNONYMS[raw]
    for suffix in SUFFIXES:
        if raw.endswith(suffix) and len(raw) - len(suffix) >= 4:
            raw = raw[: -len(suffix)]
            break
    return SYNONYMS.get(raw, raw)


def words(text: str) -> list[str]:
    """The meaningful words of ``text``, normalised (deterministic, linear in its length)."""
    cleaned = "".join(c if c in _KEEP else " " for c in text.lower())
    out: list[str] = []
    for raw in cleaned.split():
        word = _word(raw)
        if word not in STOPWORDS and len(word) > 1:
            out.append(word)
    return out


@dataclass(frozen=True)
class GuideEntry:
    code: str
    title: str
    title_en: str
    verdict: Verdict
    # Ethics and discipline sanctions in words; empty for what is allowed.
    ethics_sanction: str
    ethics_sanction_en: str
    discipline_sanction: str
    discipline_sanction_en: str
    legal_basis: str
    examples: tuple[str, ...]
    confirmed: bool
    note: str
    # word -> weight, for the scorer.
    index: tuple[tuple[str, int], ...]

    def sanction_text(self, *, english: bool = False) -> str:
        ethics = self.ethics_sanction_en if english else self.ethics_sanction
        discipline = self.discipline_sanction_en if english else self.discipline_sanction
        parts = []
        if ethics:
            parts.append(f"{_('Etik')}: {ethics}")
        if discipline:
            parts.append(f"{_('Disiplin')}: {discipline}")
        return "; ".join(parts)


def _index(title: str, examples: tuple[str, ...], keywords: tuple[str, ...]) -> tuple:
    weights: dict[str, int] = {}
    for texts, weight in (
        (examples, WEIGHT_EXAMPLE),
        ((title,), WEIGHT_TITLE),
        (keywords, WEIGHT_KEYWORD),
    ):
        for text in texts:
            for word in words(text):
                weights[word] = max(weights.get(word, 0), weight)
    return tuple(sorted(weights.items()))


def _sanction_names(code: str) -> tuple[str, str]:
    if code == NO_SANCTION:
        return "", ""
    sanction = rules.sanction_get(code=code)
    return sanction.name, sanction.name_en


def guidance_file_load(path: Path = DATA_FILE) -> GuidanceFile:
    """Parse and validate the guidance data file (pydantic raises on any bad entry)."""
    return GuidanceFile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def _guide(sha256: str) -> tuple[GuideEntry, ...]:
    data = guidance_file_load()
    extras = {g.code: g for g in data.forbidden}
    types = rules.violation_type_list()
    known = {t.code for t in types}
    missing, unknown = sorted(known - extras.keys()), sorted(extras.keys() - known)
    if missing or unknown or len(extras) != len(data.forbidden):
        raise ValueError(UNMATCHED_CODES.format(missing=missing, unknown=unknown))
    entries: list[GuideEntry] = []
    for t in types:
        extra = extras[t.code]
        ethics, ethics_en = _sanction_names(t.ethics_sanction)
        discipline, discipline_en = _sanction_names(t.discipline_sanction)
        entries.append(
            GuideEntry(
                code=t.code,
                title=t.name,
                title_en=t.name_en,
                verdict="forbidden",
                ethics_sanction=ethics,
                ethics_sanction_en=ethics_en,
                discipline_sanction=discipline,
                discipline_sanction_en=discipline_en,
                legal_basis=t.legal_basis,
                examples=extra.examples,
                confirmed=t.confirmed,
                note=t.note,
                index=_index(t.name, extra.examples, extra.keywords),
            )
        )
    for p in data.permitted:
        entries.append(
            GuideEntry(
                code=p.code,
                title=p.title,
                title_en=p.title_en,
                verdict=p.verdict,
                ethics_sanction="",
                ethics_sanction_en="",
                discipline_sanction="",
                discipline_sanction_en="",
                legal_basis=p.legal_basis,
                examples=p.examples,
                confirmed=p.confirmed,
                note=p.note,
                index=_index(p.title, p.examples, p.keywords),
            )
        )
    return tuple(entries)


def guide_entries() -> tuple[GuideEntry, ...]:
    """Every entry of the guide: forbidden acts in rulebook order, then permitted ones."""
    return _guide(rules.rulebook_get().sha256)


@dataclass(frozen=True)
class Match:
    entry: GuideEntry
    score: int


def guidance_search(*, question: str, limit: int = MAX_RESULTS) -> list[Match]:
    """Entries sharing words with ``question``, best first (ties in guide order).

    ``question`` must be at most ``MAX_QUESTION`` characters (the caller refuses longer ones).
    """
    asked = list(dict.fromkeys(words(question[:MAX_QUESTION])))[:MAX_WORDS]
    if not asked:
        return []
    matches: list[tuple[int, int, GuideEntry]] = []
    for position, entry in enumerate(guide_entries()):
        weights = dict(entry.index)
        score = sum(weights.get(word, 0) for word in asked)
        if score > 0:
            matches.append((-score, position, entry))
    matches.sort(key=lambda m: (m[0], m[1]))
    return [Match(entry=e, score=-s) for s, _pos, e in matches[:limit]]
