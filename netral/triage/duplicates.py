"""Duplicate reports across offices and elections (issue #12, item 3): signatures and the
pair score. Pure functions, no database: the store and the look-up are
``duplicates_store`` and ``duplicates_selectors``.

A report's signature keeps what two tellings of one event share:

- the reported person: the NIP (exact), the name without titles and degrees, the agency with
  its common abbreviations written out ("Disdik" -> "dinas pendidikan");
- when and where: the event date and the region code;
- the chronology: a MinHash over its normalised words (lower case, slang written out by the
  classifier's own table, common and domain words dropped), ``TEXT_PERMUTATIONS`` values.

Candidates come from locality-sensitive hashing: ``TEXT_BANDS`` bands of the text MinHash and
``NAME_BANDS`` bands of a MinHash over the name's character trigrams, each band hashed to one
64-bit key. Two reports whose texts' Jaccard similarity is ``j`` share at least one text key
with probability ``1 - (1 - j**rows)**bands``. The score then compares the candidates field
by field and says why (``Match.reasons``).

Bounded: the regular expression below is a single character class (linear, no
backtracking); texts are capped by the callers (``MAX_TEXT``) and at most ``MAX_WORDS``
words are hashed.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from netral.triage.classify.normalise import normalised_words

# Bump when normalisation or hashing changes: the backfill recomputes older signatures.
# 2: the slang table and reduplication of the classifier (``classify.normalise``).
VERSION = 2
MAX_TEXT = 20_000
MAX_WORDS = 2_000

TEXT_BANDS, TEXT_ROWS = 20, 3
TEXT_PERMUTATIONS = TEXT_BANDS * TEXT_ROWS
NAME_BANDS, NAME_ROWS = 8, 2
NAME_PERMUTATIONS = NAME_BANDS * NAME_ROWS

# The score at and above which a candidate is shown as a likely duplicate; chosen on the
# labelled pairs (``duplicates_eval``), which print its precision and recall.
THRESHOLD = 0.6

NIP_SAME = "NIP sama"
NAME_AND_AGENCY = "nama dan instansi mirip ({similarity})"
NAME_ONLY = "nama mirip ({similarity})"
DATE_SAME = "tanggal kejadian sama"
DATE_NEAR = "tanggal kejadian berdekatan ({days} hari)"
REGION_SAME = "wilayah kejadian sama"
PROVINCE_SAME = "provinsi kejadian sama"
TEXT_NEAR = "kronologi mirip ({similarity})"

_WORD = re.compile(r"[^\W_]+")
_MERSENNE = (1 << 61) - 1
_MASK32 = 0xFFFFFFFF

# Fixed permutation parameters (a < 2**31, b < 2**32: a*x + b stays below 2**64 for a 32-bit
# x, so numpy's uint64 arithmetic is exact).
_rng = np.random.default_rng(20241127)
_TEXT_A = _rng.integers(1, 1 << 31, TEXT_PERMUTATIONS, dtype=np.uint64)
_TEXT_B = _rng.integers(0, 1 << 32, TEXT_PERMUTATIONS, dtype=np.uint64)
_NAME_A = _rng.integers(1, 1 << 31, NAME_PERMUTATIONS, dtype=np.uint64)
_NAME_B = _rng.integers(0, 1 << 32, NAME_PERMUTATIONS, dtype=np.uint64)
del _rng

# Function words, and the words nearly every report has: they would make every pair look alike.
STOPWORDS = frozenset(
    """yang dan di ke dari itu ini pada untuk dengan dalam atau juga ada adalah akan oleh
    sebagai tersebut karena saat telah sudah bahwa agar para kami saya kita mereka ia dia
    nya pun lalu kemudian serta hingga sampai tidak belum bisa dapat lebih secara sekitar
    tanggal hari pukul bapak ibu sdr saudara seorang salah satu terlapor pelapor asn pns
    pegawai negeri sipil laporan melaporkan dilaporkan kejadian kronologi wib tahun bulan""".split()  # noqa: SIM905
)

# Agency abbreviations written out, so "Disdik Kab. Bogor" meets "Dinas Pendidikan Kabupaten
# Bogor".
AGENCY_WORDS = {
    "disdik": "dinas pendidikan", "dispendik": "dinas pendidikan", "dindik": "dinas pendidikan",
    "dinkes": "dinas kesehatan", "dishub": "dinas perhubungan", "dinsos": "dinas sosial",
    "disdukcapil": "dinas kependudukan pencatatan sipil",
    "dukcapil": "kependudukan pencatatan sipil",
    "dpmd": "dinas pemberdayaan masyarakat desa", "bappeda": "badan perencanaan pembangunan daerah",
    "bkpsdm": "badan kepegawaian pengembangan sumber daya manusia",
    "bkd": "badan kepegawaian daerah",
    "satpol": "satuan polisi", "pp": "pamong praja", "rsud": "rumah sakit umum daerah",
    "setda": "sekretariat daerah", "pemkab": "pemerintah kabupaten", "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi", "kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan",
    "sdn": "sd negeri", "smpn": "smp negeri", "sman": "sma negeri", "smkn": "smk negeri",
    "puskesmas": "puskesmas", "prov": "provinsi", "dinas": "dinas", "kantor": "kantor",
}  # fmt: skip
AGENCY_STOPWORDS = frozenset({"dan", "serta", "daerah", "unit", "upt", "bagian"})

# Titles and degrees around a name ("Drs. H. Bambang Wijaya, S.Pd., M.Si.").
NAME_TITLES = frozenset(
    """dr drs dra ir h hj prof kh bapak pak ibu bu sdr saudara st sh se mm msi mpd spd sip
    ssos skm amd ak apt sag mag ns skep sstp mt ssi sp ma mh msc phd""".split()  # noqa: SIM905
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


_PREFIXES = (
    "meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "ber", "ter", "di",
)  # fmt: skip
_SUFFIXES = ("lah", "kah", "nya", "kan")


@functools.lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    """A light, bounded affix stripper: "mengunggah", "diunggahnya" -> "unggah". (Sastrawi
    would stem better, but spends a quarter of a second on each word it does not know, which
    an attacker's text would be full of.)"""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
    for prefix in _PREFIXES:
        if len(word) - len(prefix) >= 4 and word.startswith(prefix):
            return word[len(prefix) :]
    return word


def text_words(text: str) -> list[str]:
    """The chronology's content words (the MinHash's shingles), normalised as the classifier
    normalises them (``classify.normalise``: reduplication, the slang table), then stop
    words dropped and the light stemmer applied."""
    out: list[str] = []
    for _surface, word in normalised_words(text[:MAX_TEXT])[:MAX_WORDS]:
        if word in STOPWORDS or len(word) < 3 or word.isdigit():
            continue
        out.append(_stem(word))
    return out


def name_key(name: str) -> str:
    """The name without titles and degrees, lower case: "Drs. Bambang Wijaya, M.Si." ->
    "bambang wijaya"."""
    head = _fold(name[:300]).split(",", 1)[0]
    words = [w for w in _WORD.findall(head.replace(".", " ")) if w not in NAME_TITLES]
    return " ".join(words)[:200]


def agency_key(agency: str) -> str:
    """The agency's words with abbreviations written out."""
    out: list[str] = []
    for word in _WORD.findall(_fold(agency[:300]).replace(".", " ")):
        for part in AGENCY_WORDS.get(word, word).split():
            if part not in AGENCY_STOPWORDS:
                out.append(part)
    return " ".join(out)[:300]


def nip_key(nip: str) -> str:
    digits = "".join(ch for ch in nip[:40] if ch.isdigit())
    return digits if len(digits) == 18 else ""


def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=4).digest(), "little")


def _minhash(tokens: set[str], a: np.ndarray, b: np.ndarray) -> tuple[int, ...]:
    if not tokens:
        return ()
    x = np.fromiter((_token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    values = ((a[:, None] * x[None, :] + b[:, None]) % _MERSENNE) & _MASK32
    return tuple(int(v) for v in values.min(axis=1))


def text_minhash(text: str) -> tuple[int, ...]:
    """``TEXT_PERMUTATIONS`` MinHash values of the chronology (empty: no content words)."""
    return _minhash(set(text_words(text)), _TEXT_A, _TEXT_B)


def _trigrams(key: str) -> set[str]:
    padded = f"  {key} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)} if key else set()


def name_minhash(key: str) -> tuple[int, ...]:
    return _minhash(_trigrams(key), _NAME_A, _NAME_B)


def _band_keys(kind: bytes, values: tuple[int, ...], bands: int, rows: int) -> list[int]:
    if not values:
        return []
    keys = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows]
        data = kind + bytes([band]) + b"".join(v.to_bytes(4, "little") for v in chunk)
        keys.append(
            int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)
        )
    return keys


def pack(values: tuple[int, ...]) -> bytes:
    return b"".join(v.to_bytes(4, "little") for v in values)


def unpack(data: bytes | memoryview) -> tuple[int, ...]:
    raw = bytes(data)
    return tuple(int.from_bytes(raw[i : i + 4], "little") for i in range(0, len(raw), 4))


@dataclass(frozen=True)
class Signature:
    """What the look-up compares: a stored report's or an incoming text's."""

    nip: str
    name: str
    agency: str
    region_code: str
    event_date: datetime.date | None
    minhash: tuple[int, ...]

    @classmethod
    def of(
        cls,
        *,
        text: str,
        nip: str = "",
        name: str = "",
        agency: str = "",
        region_code: str = "",
        event_date: datetime.date | None = None,
    ) -> Signature:
        return cls(
            nip=nip_key(nip),
            name=name_key(name),
            agency=agency_key(agency),
            region_code=region_code.strip()[:13],
            event_date=event_date,
            minhash=text_minhash(text),
        )

    def text_keys(self) -> list[int]:
        return _band_keys(b"t", self.minhash, TEXT_BANDS, TEXT_ROWS)

    def name_keys(self) -> list[int]:
        """The name's bands within the event's province: common names ("Agus Wijaya")
        would otherwise share keys with thousands of reports. No region, no name keys (the
        NIP and the text still find candidates)."""
        if not self.region_code:
            return []
        salt = b"n" + _province(self.region_code).encode() + b"|"
        return _band_keys(salt, name_minhash(self.name), NAME_BANDS, NAME_ROWS)

    def lsh_keys(self) -> list[int]:
        """Every LSH key stored for it (duplicates removed)."""
        return sorted(set(self.text_keys()) | set(self.name_keys()))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def name_similarity(a: str, b: str) -> float:
    """Trigram Jaccard of two name keys (1.0 for the same name)."""
    return 1.0 if a and a == b else jaccard(_trigrams(a), _trigrams(b))


def agency_similarity(a: str, b: str) -> float:
    """Word overlap of two agency keys: the mean of Jaccard and containment, so that
    "dinas pendidikan" and "dinas pendidikan kota bekasi" come out close."""
    wa, wb = set(a.split()), set(b.split())
    if not wa or not wb:
        return 0.0
    shared = len(wa & wb)
    return (shared / len(wa | wb) + shared / min(len(wa), len(wb))) / 2


def text_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The MinHash estimate of the two chronologies' Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def _province(code: str) -> str:
    return code.split(".", 1)[0]


def _number(value: float) -> str:
    return number_format(value, 2)


# The score's weights (they sum to 1) and the chronology similarity that counts in full.
WHO, WHEN, WHERE, WHAT = 0.2, 0.35, 0.1, 0.35
TEXT_FULL = 0.3
DATE_SPAN_DAYS = 15


def score(a: Signature, b: Signature, *, explain: bool = True) -> tuple[float, list[str]]:
    """How likely ``a`` and ``b`` tell the same event (0..1), and why.

    Who (``WHO``: the NIP, or name and agency), when (``WHEN``: full on the same day, none
    ``DATE_SPAN_DAYS`` apart), where (``WHERE``: the same regency/city, half for the same
    province), what (``WHAT``: full from a chronology Jaccard of ``TEXT_FULL``). The same
    person alone is not enough: one ASN may be reported for several events, so a match
    needs the time or the story to agree too. Two different NIPs mean two persons.
    ``explain=False`` skips the reasons (the look-up explains only what it shows).
    """
    reasons: list[str] = []
    identity = 0.0
    if a.nip and a.nip == b.nip:
        identity = 1.0
        if explain:
            reasons.append(_(NIP_SAME))
    elif not (a.nip and b.nip):
        name = name_similarity(a.name, b.name)
        agency = agency_similarity(a.agency, b.agency)
        if name >= 0.5 and agency >= 0.3:
            identity = 0.7 * name + 0.3 * agency
            if explain:
                reasons.append(_(NAME_AND_AGENCY).format(similarity=_number(identity)))
        elif name >= 0.7:
            identity = 0.6 * name
            if explain:
                reasons.append(_(NAME_ONLY).format(similarity=_number(name)))
    when = 0.0
    if a.event_date and b.event_date:
        days = abs((a.event_date - b.event_date).days)
        when = max(0.0, 1 - days / DATE_SPAN_DAYS)
        if days == 0:
            if explain:
                reasons.append(_(DATE_SAME))
        elif when > 0 and explain:
            reasons.append(_(DATE_NEAR).format(days=days))
    where = 0.0
    if a.region_code and b.region_code:
        if a.region_code == b.region_code:
            where = 1.0
            if explain:
                reasons.append(_(REGION_SAME))
        elif _province(a.region_code) == _province(b.region_code):
            where = 0.5
            if explain:
                reasons.append(_(PROVINCE_SAME))
    text = text_similarity(a.minhash, b.minhash)
    if text >= 0.15 and explain:
        reasons.append(_(TEXT_NEAR).format(similarity=_number(text)))
    what = min(1.0, text / TEXT_FULL)
    total = WHO * identity + WHEN * when + WHERE * where + WHAT * what
    return round(total, 3), reasons
