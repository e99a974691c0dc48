""" "Boleh atau tidak?": the guide for ASN built from the rulebook, and its question box.

The forbidden acts are the rulebook's violation types: their act, sanctions and legal basis
are read from the rulebook, never restated, and :func:`guidance_problems` refuses a guidance
file that misses a type, names an unknown one, or whose texts name a sanction the rulebook
does not give that type. ``data/guidance.toml`` adds plain-language explanations, examples and
search keywords (Indonesian and English); the permitted acts live in that file only, each
with its source and ``confirmed = false`` where no official text says so.

A question is matched by a bounded, deterministic scorer: normalise case, drop punctuation,
split on whitespace, fold slang, English and synonyms, strip a few suffixes, and add up the
weights of the entry's words the question shares, a word found in few entries counting more
(inverse document frequency). An entry whose ``unless`` words the question uses
(spreading material is not receiving it) is left out. No regular expression runs over the
question.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from netral.rules import selectors as rules
from netral.rules.schemas import NO_SANCTION, Code, Sanction, ViolationType

DATA_FILE = Path(__file__).resolve().parent / "data" / "guidance.toml"

Verdict = Literal["forbidden", "allowed", "depends"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Longest question read; a longer one is refused with a reason.
MAX_QUESTION = 500
# Most words of a question scored (after the length cap, a bound on the work per request).
MAX_WORDS = 80
MAX_RESULTS = 10
QUESTION_TOO_LONG = "Pertanyaan terlalu panjang: paling banyak {limit} karakter."
GUIDE_INVALID = "guidance.toml does not match the rulebook: {problems}"

# Weights: a keyword says most about an entry, then the words of its title, then examples.
WEIGHT_KEYWORD = 3
WEIGHT_TITLE = 2
WEIGHT_EXAMPLE = 1


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Texts(_Entry):
    code: Code
    # What the act means in plain words, and examples; Indonesian and English, one for one.
    explanation: Text
    explanation_en: Text
    examples: tuple[Text, ...] = Field(min_length=1)
    examples_en: tuple[Text, ...] = Field(min_length=1)
    keywords: tuple[Text, ...] = ()
    # English of the note (the rulebook's note for a forbidden act, ``note`` for a permitted one).
    note_en: str = ""
    # A question with one of these words is not about this act (e.g. "sebar" for receiving).
    unless: tuple[Text, ...] = ()


class ForbiddenGuide(_Texts):
    pass


class PermittedAct(_Texts):
    title: Text
    title_en: Text
    verdict: Literal["allowed", "depends"]
    legal_basis: Text
    legal_basis_en: Text
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
    # "dibagikan" (handed out to one) stays apart: receiving is not spreading.
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
    "paslon": "pasangan calon",
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
    "staf": "pegawai",
    "staff": "pegawai",
    # more informal Indonesian
    "nyalon": "mencalonkan",
    "dengerin": "dengar",
    "nempel": "tempel",
    "masang": "pasang",
    "nyebar": "bagikan",
    "menyebar": "bagikan",
    "disebar": "bagikan",
    "sebarkan": "bagikan",
    "bagi2": "bagikan",
    "kasih": "beri",
    "ngasih": "beri",
    "acungkan": "acung",
    "mengacungkan": "acung",
    "jempol": "jari",
    "kta": "kartu anggota",
    "kader": "anggota",
    "relawan": "sukses",
    "pemenangan": "sukses",
    "mengarahkan": "ajak",
    "arahkan": "ajak",
    "menyuruh": "kerah",
    "suruh": "kerah",
    "memobilisasi": "kerah",
    "mobilisasi": "kerah",
    "cuitan": "unggah",
    "tweet": "unggah",
    "tv": "televisi",
    "laporkan": "lapor",
    # English (the page and the API answer in English too)
    "candidate": "calon",
    "candidates": "calon",
    "campaigning": "kampanye",
    "campaigns": "kampanye",
    "party": "partai",
    "parties": "partai",
    "posts": "unggah",
    "liking": "suka",
    "liked": "suka",
    "sharing": "bagikan",
    "shared": "bagikan",
    "following": "ikuti",
    "commenting": "komentar",
    "comments": "komentar",
    "photos": "foto",
    "picture": "foto",
    "banners": "spanduk",
    "billboard": "baliho",
    "billboards": "baliho",
    "member": "anggota",
    "membership": "anggota",
    "attend": "hadir",
    "attending": "hadir",
    "declaration": "deklarasi",
    "uniform": "seragam",
    "car": "mobil",
    "debate": "debat",
    "debates": "debat",
    "report": "lapor",
    "reporting": "lapor",
    "leaflet": "selebaran",
    "leaflets": "selebaran",
    "receive": "terima",
    "receiving": "terima",
    "voted": "pilih",
    "ballot": "suara",
    "gesture": "gestur",
    "gestures": "gestur",
    "finger": "jari",
    "fingers": "jari",
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
        "gimana",
        "gmn",
        "bagaimana",
        "sy",
        "gk",
        "kl",
        "kok",
        "cuma",
        "hanya",
        "sama",
        "bareng",
        "buat",
        "waktu",
        "lewat",
        "harus",
        "dulu",
        "sanksinya",
        # English
        "can",
        "could",
        "may",
        "am",
        "is",
        "are",
        "be",
        "an",
        "the",
        "to",
        "of",
        "my",
        "me",
        "it",
        "on",
        "in",
        "at",
        "for",
        "with",
        "as",
        "do",
        "does",
        "or",
        "and",
        "if",
        "we",
        "you",
        "what",
        "about",
        "by",
        "allowed",
        "civil",
        "servant",
        "servants",
    ]
)
SUFFIXES = ("nya", "kah", "lah", "ku", "mu")
# Punctuation and symbols become spaces; letters and digits stay.
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _word(raw: str) -> list[str]:
    if raw in SYNONYMS:
        return SYNONYMS[raw].split()
    for suffix in SUFFIXES:
        if raw.endswith(suffix) and len(raw) - len(suffix) >= 4:
            raw = raw[: -len(suffix)]
            break
    return SYNONYMS.get(raw, raw).split()


def words(text: str) -> list[str]:
    """The meaningful words of ``text``, normalised (deterministic, linear in its length)."""
    cleaned = "".join(c if c in _KEEP else " " for c in text.lower())
    out: list[str] = []
    for raw in cleaned.split():
        for word in _word(raw):
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
    legal_basis_en: str
    explanation: str
    explanation_en: str
    examples: tuple[str, ...]
    examples_en: tuple[str, ...]
    confirmed: bool
    note: str
    note_en: str
    # How often the act was reported (Bawaslu, Nov 2020), from the rulebook; None if unknown.
    share_2020: float | None
    # word -> weight, for the scorer; words that rule this entry out.
    index: tuple[tuple[str, int], ...]
    unless: frozenset[str]

    def sanction_text(self, *, english: bool = False) -> str:
        ethics = self.ethics_sanction_en if english else self.ethics_sanction
        discipline = self.discipline_sanction_en if english else self.discipline_sanction
        parts = []
        if ethics:
            parts.append(f"{_('Etik')}: {ethics}")
        if discipline:
            parts.append(f"{_('Disiplin')}: {discipline}")
        return "; ".join(parts)

    def text(self, *, english: bool) -> EntryText:
        """The entry's words in one language (legal citations stay as written)."""
        if english:
            return EntryText(
                title=self.title_en,
                explanation=self.explanation_en,
                examples=self.examples_en,
                ethics_sanction=self.ethics_sanction_en,
                discipline_sanction=self.discipline_sanction_en,
                legal_basis=self.legal_basis_en,
                note=self.note_en,
            )
        return EntryText(
            title=self.title,
            explanation=self.explanation,
            examples=self.examples,
            ethics_sanction=self.ethics_sanction,
            discipline_sanction=self.discipline_sanction,
            legal_basis=self.legal_basis,
            note=self.note,
        )


@dataclass(frozen=True)
class EntryText:
    title: str
    explanation: str
    examples: tuple[str, ...]
    ethics_sanction: str
    discipline_sanction: str
    legal_basis: str
    note: str


def _index(
    titles: tuple[str, ...], texts: tuple[str, ...], keywords: tuple[str, ...]
) -> tuple[tuple[str, int], ...]:
    weights: dict[str, int] = {}
    for group, weight in (
        (texts, WEIGHT_EXAMPLE),
        (titles, WEIGHT_TITLE),
        (keywords, WEIGHT_KEYWORD),
    ):
        for text in group:
            for word in words(text):
                weights[word] = max(weights.get(word, 0), weight)
    return tuple(sorted(weights.items()))


def _sanction_names(sanctions: dict[str, Sanction], code: str) -> tuple[str, str]:
    if code == NO_SANCTION:
        return "", ""
    sanction = sanctions[code]
    return sanction.name, sanction.name_en


def guidance_file_load(path: Path = DATA_FILE) -> GuidanceFile:
    """Parse and validate the guidance data file (pydantic raises on any bad entry)."""
    return GuidanceFile.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def _sanction_phrases(sanctions: Iterable[Sanction]) -> list[tuple[str, str]]:
    """(phrase in lower case, sanction code) for every way a text may name a sanction: its
    names, its options' names, and the name without a leading "Hukuman "/"Sanksi "."""
    phrases: list[tuple[str, str]] = []
    for sanction in sanctions:
        names = [sanction.name, sanction.name_en]
        names += [o.name for o in sanction.options] + [o.name_en for o in sanction.options]
        for name in names:
            lowered = name.lower()
            phrases.append((lowered, sanction.code))
            for lead in ("hukuman ", "sanksi "):
                if lowered.startswith(lead):
                    phrases.append((lowered[len(lead) :], sanction.code))
    return phrases


def guidance_problems(
    data: GuidanceFile, types: Sequence[ViolationType], sanctions: Sequence[Sanction]
) -> list[str]:
    """What keeps ``data`` from being the guide of this rulebook; empty when it fits.

    Every violation type needs exactly one ``[[forbidden]]`` entry and no entry may name an
    unknown type; an entry's texts may name only the sanctions the rulebook gives its type
    (the guide shows the rulebook's sanctions, and must not contradict them in prose); one
    English example per Indonesian one; an English note where the rulebook has a note;
    permitted codes may not clash with violation types or each other.
    """
    problems: list[str] = []
    known = {t.code: t for t in types}
    seen: set[str] = set()
    phrases = _sanction_phrases(sanctions)
    for guide in data.forbidden:
        if guide.code in seen:
            problems.append(f"{guide.code}: listed twice")
        seen.add(guide.code)
        vt = known.get(guide.code)
        if vt is None:
            problems.append(f"{guide.code}: not a violation type of the rulebook")
            continue
        given = {vt.ethics_sanction, vt.discipline_sanction}
        prose = (guide.explanation, guide.explanation_en, guide.note_en, *guide.examples)
        prose += guide.examples_en
        text = " ".join(prose).lower()
        for phrase, code in phrases:
            if phrase in text and code not in given:
                problems.append(f"{guide.code}: names sanction {code!r}, not given to this type")
        if vt.note and not guide.note_en:
            problems.append(f"{guide.code}: the rulebook has a note; note_en is missing")
    for code in sorted(known.keys() - seen):
        problems.append(f"{code}: violation type without a guide entry")
    permitted = [p.code for p in data.permitted]
    for code in sorted({c for c in permitted if permitted.count(c) > 1 or c in known}):
        problems.append(f"{code}: permitted code listed twice or also a violation type")
    for entry in (*data.forbidden, *data.permitted):
        if len(entry.examples) != len(entry.examples_en):
            problems.append(f"{entry.code}: examples and examples_en differ in number")
        if isinstance(entry, PermittedAct) and entry.note and not entry.note_en:
            problems.append(f"{entry.code}: note without note_en")
    return problems


def guide_build(
    data: GuidanceFile, types: Sequence[ViolationType], sanctions: Sequence[Sanction]
) -> tuple[GuideEntry, ...]:
    """The guide of this rulebook: forbidden acts in rulebook order, then permitted ones.
    Raises ``ValueError`` naming every problem when ``data`` does not fit the rulebook."""
    problems = guidance_problems(data, types, sanctions)
    if problems:
        raise ValueError(GUIDE_INVALID.format(problems="; ".join(problems)))
    by_code = {s.code: s for s in sanctions}
    extras = {g.code: g for g in data.forbidden}
    entries: list[GuideEntry] = []
    for t in types:
        extra = extras[t.code]
        ethics, ethics_en = _sanction_names(by_code, t.ethics_sanction)
        discipline, discipline_en = _sanction_names(by_code, t.discipline_sanction)
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
                legal_basis_en=t.legal_basis,
                explanation=extra.explanation,
                explanation_en=extra.explanation_en,
                examples=extra.examples,
                examples_en=extra.examples_en,
                confirmed=t.confirmed,
                note=t.note,
                note_en=extra.note_en,
                share_2020=t.share_2020,
                index=_index(
                    (t.name, t.name_en),
                    (extra.explanation, extra.explanation_en, *extra.examples, *extra.examples_en),
                    extra.keywords,
                ),
                unless=frozenset(w for text in extra.unless for w in words(text)),
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
                legal_basis_en=p.legal_basis_en,
                explanation=p.explanation,
                explanation_en=p.explanation_en,
                examples=p.examples,
                examples_en=p.examples_en,
                confirmed=p.confirmed,
                note=p.note,
                note_en=p.note_en,
                share_2020=None,
                index=_index(
                    (p.title, p.title_en),
                    (p.explanation, p.explanation_en, *p.examples, *p.examples_en),
                    p.keywords,
                ),
                unless=frozenset(w for text in p.unless for w in words(text)),
            )
        )
    return tuple(entries)


@lru_cache(maxsize=4)
def _guide(sha256: str) -> tuple[GuideEntry, ...]:
    return guide_build(guidance_file_load(), rules.violation_type_list(), rules.sanction_list())


def guide_entries() -> tuple[GuideEntry, ...]:
    """Every entry of the guide: forbidden acts in rulebook order, then permitted ones."""
    return _guide(rules.rulebook_get().sha256)


@lru_cache(maxsize=4)
def _rarity(sha256: str) -> dict[str, float]:
    """word -> 1 + ln(entries / entries having the word): a word few entries share counts more."""
    entries = guide_entries()
    counts: dict[str, int] = {}
    for entry in entries:
        for word, _weight in entry.index:
            counts[word] = counts.get(word, 0) + 1
    return {word: 1 + math.log(len(entries) / n) for word, n in counts.items()}


@dataclass(frozen=True)
class Match:
    entry: GuideEntry
    score: int


def guidance_search(*, question: str, limit: int = MAX_RESULTS) -> list[Match]:
    """Entries sharing words with ``question``, best first (ties in guide order).

    ``question`` must be at most ``MAX_QUESTION`` characters (the caller refuses longer ones).
    The score is the sum over shared words of weight x rarity, times ten, rounded.
    """
    asked = list(dict.fromkeys(words(question[:MAX_QUESTION])))[:MAX_WORDS]
    if not asked:
        return []
    rarity = _rarity(rules.rulebook_get().sha256)
    matches: list[tuple[int, int, GuideEntry]] = []
    for position, entry in enumerate(guide_entries()):
        if entry.unless.intersection(asked):
            continue
        weights = dict(entry.index)
        score = round(10 * sum(weights.get(w, 0) * rarity.get(w, 0.0) for w in asked))
        if score > 0:
            matches.append((-score, position, entry))
    matches.sort(key=lambda m: (m[0], m[1]))
    return [Match(entry=e, score=-s) for s, _pos, e in matches[:limit]]
