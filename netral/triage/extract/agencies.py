"""Names of government agencies and of positions in them.

Agencies: a head word ("Dinas", "Badan", "Kecamatan", "Kelurahan", "Desa", "Puskesmas",
"Sekretariat Daerah", "Kementerian", "Pemkab", "Pemerintah Kota" ...) followed by its
capitalised name ("Dinas Pendidikan dan Kebudayaan Kabupaten Bogor"), or an abbreviation that
is a name on its own ("Bappeda", "BKPSDM", "Satpol PP"). Written in lower case ("kantor
kecamatan cibinong"), a place head takes the one word after it.

Positions: a lexicon of phrases, longest first ("kepala dinas", "kadis", "camat", "kades",
"sekda", "guru" ...), each with its full name; "kades2" (reduplication for the plural) is one
mention. Matching is by tokens, never by pattern.
"""

from __future__ import annotations

import itertools

from netral.triage.extract.entity import Entity, entity
from netral.triage.extract.tokens import Token

# Head word -> agency type. Two-word heads are checked first.
HEADS_2 = {
    ("sekretariat", "daerah"): "sekretariat_daerah",
    ("sekretariat", "dprd"): "sekretariat_dprd",
    ("pemerintah", "kabupaten"): "pemerintah_daerah",
    ("pemerintah", "kota"): "pemerintah_daerah",
    ("pemerintah", "provinsi"): "pemerintah_daerah",
    ("pemerintah", "desa"): "desa",
    ("rumah", "sakit"): "rumah_sakit",
    ("satpol", "pp"): "satpol_pp",
}
HEADS = {
    "dinas": "dinas",
    "badan": "badan",
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
    "desa": "desa",
    "puskesmas": "puskesmas",
    "sekretariat": "sekretariat",
    "inspektorat": "inspektorat",
    "kementerian": "kementerian",
    "kemenag": "kementerian",
    "kantor": "kantor",
    "biro": "biro",
    "rsud": "rumah_sakit",
    "pemkab": "pemerintah_daerah",
    "pemkot": "pemerintah_daerah",
    "pemprov": "pemerintah_daerah",
    "pemdes": "desa",
    "sekolah": "sekolah",
    "sd": "sekolah",
    "smp": "sekolah",
    "sma": "sekolah",
    "smk": "sekolah",
    "sdn": "sekolah",
    "smpn": "sekolah",
    "sman": "sekolah",
    "smkn": "sekolah",
    "universitas": "perguruan_tinggi",
}
# Abbreviations that name an agency without anything after them.
STANDALONE = {
    "bappeda": "badan",
    "bkpsdm": "badan",
    "bkd": "badan",
    "bpbd": "badan",
    "bkn": "badan",
    "disdik": "dinas",
    "disdikbud": "dinas",
    "dinkes": "dinas",
    "dinsos": "dinas",
    "dukcapil": "dinas",
    "disdukcapil": "dinas",
    "dishub": "dinas",
    "satpol": "satpol_pp",
    "inspektorat": "inspektorat",
    "kemendagri": "kementerian",
    "kemenpanrb": "kementerian",
}
# Heads that a place name follows, taken even in lower case ("kecamatan cibinong").
PLACE_HEADS = frozenset({"kecamatan", "kelurahan", "desa", "pemkab", "pemkot", "pemprov"})
CONNECTORS = frozenset({"dan", "&", "serta"})
# Capitalised words that end a name: dates and sentence openers.
STOP_WORDS = frozenset(
    {
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
        "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
        "desember", "pak", "bu", "ibu", "bapak",
    }
)  # fmt: skip
MAX_NAME_WORDS = 8

POSITIONS: dict[tuple[str, ...], str] = {
    ("kepala", "dinas"): "kepala dinas",
    ("kadis",): "kepala dinas",
    ("kepala", "badan"): "kepala badan",
    ("kaban",): "kepala badan",
    ("kepala", "desa"): "kepala desa",
    ("kades",): "kepala desa",
    ("kuwu",): "kepala desa",
    ("kepala", "sekolah"): "kepala sekolah",
    ("kepsek",): "kepala sekolah",
    ("kepala", "puskesmas"): "kepala puskesmas",
    ("kapus",): "kepala puskesmas",
    ("kepala", "bidang"): "kepala bidang",
    ("kabid",): "kepala bidang",
    ("kepala", "seksi"): "kepala seksi",
    ("kasi",): "kepala seksi",
    ("kepala", "bagian"): "kepala bagian",
    ("kabag",): "kepala bagian",
    ("kepala", "sub", "bagian"): "kepala subbagian",
    ("kasubag",): "kepala subbagian",
    ("kasubbag",): "kepala subbagian",
    ("kepala", "dusun"): "kepala dusun",
    ("kadus",): "kepala dusun",
    ("kepala", "kantor"): "kepala kantor",
    ("kepala", "unit"): "kepala unit",
    ("sekretaris", "daerah"): "sekretaris daerah",
    ("sekda",): "sekretaris daerah",
    ("sekretaris", "desa"): "sekretaris desa",
    ("sekdes",): "sekretaris desa",
    ("sekretaris", "camat"): "sekretaris camat",
    ("sekcam",): "sekretaris camat",
    ("sekretaris", "dinas"): "sekretaris dinas",
    ("sekretaris", "kelurahan"): "sekretaris kelurahan",
    ("sekel",): "sekretaris kelurahan",
    ("asisten", "daerah"): "asisten daerah",
    ("camat",): "camat",
    ("lurah",): "lurah",
    ("inspektur",): "inspektur",
    ("guru",): "guru",
    ("dosen",): "dosen",
    ("bidan",): "bidan",
    ("perawat",): "perawat",
    ("dokter",): "dokter",
    ("penyuluh",): "penyuluh",
    ("pendamping", "desa"): "pendamping desa",
    ("perangkat", "desa"): "perangkat desa",
    ("staf",): "staf",
    ("staff",): "staf",
    ("pegawai",): "pegawai",
    ("asn",): "ASN",
    ("pns",): "PNS",
    ("pppk",): "PPPK",
    ("honorer",): "honorer",
    ("pj", "bupati"): "penjabat bupati",
    ("pj", "wali", "kota"): "penjabat wali kota",
    ("pj", "walikota"): "penjabat wali kota",
    ("pj", "gubernur"): "penjabat gubernur",
    ("penjabat", "bupati"): "penjabat bupati",
    ("penjabat", "wali", "kota"): "penjabat wali kota",
    ("penjabat", "gubernur"): "penjabat gubernur",
    ("kepala", "daerah"): "kepala daerah",
}
LONGEST_POSITION = max(len(k) for k in POSITIONS)


def _name_end(text: str, tokens: list[Token], j: int, *, lower_head: str | None) -> int:
    """Index after the last token of the name that starts at token j."""
    words, k = 0, j
    while k < len(tokens) and words < MAX_NAME_WORDS:
        tok = tokens[k]
        if text[tokens[k - 1].end : tok.start] not in (" ", "\u00a0"):
            break
        if tok.lower in STOP_WORDS:
            break
        if tok.is_capitalised and tok.is_word:
            k += 1
            words += 1
        elif tok.is_digits and len(tok.text) <= 3:
            k += 1  # "SMP Negeri 3 Bekasi", "SDN 2 Cibinong"
            words += 1
        elif tok.lower in CONNECTORS and words and k + 1 < len(tokens):
            nxt = tokens[k + 1]
            # "Dinas Pendidikan dan Kebudayaan" goes on; "... dan Badan X" is a second agency.
            if nxt.is_capitalised and nxt.lower not in HEADS and nxt.lower not in STOP_WORDS:
                k += 1
            else:
                break
        elif lower_head is not None and words == 0 and tok.is_word and tok.lower not in HEADS:
            k += 1  # "kecamatan cibinong": one place word after a lower-case place head
            words += 1
            break
        else:
            break
    return k


def extract_agencies(text: str, tokens: list[Token]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        pair = (tok.lower, tokens[i + 1].lower) if i + 1 < len(tokens) else None
        kind: str | None = None
        head_end = i + 1
        if pair in HEADS_2:
            kind, head_end = HEADS_2[pair], i + 2
        elif tok.lower in HEADS:
            kind = HEADS[tok.lower]
        if kind is not None:
            place = tok.lower if tok.lower in PLACE_HEADS and not tok.is_capitalised else None
            end = _name_end(text, tokens, head_end, lower_head=place)
            if end > head_end or kind == "satpol_pp":
                found.append(_agency(text, tokens, i, end, kind))
                i = end
                continue
        if tok.lower in STANDALONE and tok.text[:1].isupper():
            end = i + 1
            if tok.lower == "satpol" and end < len(tokens) and tokens[end].lower == "pp":
                end += 1
            found.append(_agency(text, tokens, i, end, STANDALONE[tok.lower]))
            i = end
            continue
        i += 1
    return found


def _agency(text: str, tokens: list[Token], i: int, end: int, kind: str) -> Entity:
    start, stop = tokens[i].start, tokens[end - 1].end
    name = " ".join(text[start:stop].split())
    return entity("agency", text, start, stop, value={"name": name, "type": kind})


def extract_positions(text: str, tokens: list[Token]) -> list[Entity]:
    found: list[Entity] = []
    i = 0
    while i < len(tokens):
        match = None
        for size in range(min(LONGEST_POSITION, len(tokens) - i), 0, -1):
            key = tuple(t.lower for t in tokens[i : i + size])
            if key in POSITIONS and _spaced_run(text, tokens[i : i + size]):
                match = size, POSITIONS[key]
                break
        if match is None:
            i += 1
            continue
        size, name = match
        last = i + size - 1
        plural = False
        nxt = last + 1
        # "kades2", "guru-guru": the plural by reduplication is one mention.
        if nxt < len(tokens) and tokens[nxt].start == tokens[last].end:
            if tokens[nxt].text == "2":
                last, plural = nxt, True
            elif (
                tokens[nxt].text == "-"
                and nxt + 1 < len(tokens)
                and tokens[nxt + 1].lower == tokens[last].lower
                and tokens[nxt + 1].start == tokens[nxt].end
            ):
                last, plural = nxt + 1, True
        start, end = tokens[i].start, tokens[last].end
        found.append(entity("position", text, start, end, value={"name": name, "plural": plural}))
        i = last + 1
    return found


def _spaced_run(text: str, run: list[Token]) -> bool:
    return all(text[a.end : b.start] in (" ", "\u00a0") for a, b in itertools.pairwise(run))
