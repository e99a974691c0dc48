"""Reading a reporter's typed answers (a place, a date), for WhatsApp and e-mail alike.

The text comes from strangers: it is cut to a short length first and read word by word, never
through a regular expression.
"""

from __future__ import annotations

import datetime

from netral.regions.models import Region

# Longer than any region name or date anyone types.
MAX_ANSWER = 120
# More matches than this are not worth a numbered list: ask for a fuller name.
MAX_CHOICES = 9
_TYPE_PREFIXES = (
    "kabupaten administrasi ",
    "kota administrasi ",
    "kabupaten ",
    "kab. ",
    "kab ",
    "kota ",
)
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb", "pebruari"),
            ("maret", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("agustus", "agu", "agt", "ags"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov", "nop", "nopember"),
            ("desember", "des"),
        ),
        start=1,
    )
    for name in names
}


def _words(text: str) -> str:
    """Lower case, punctuation other than dots and dashes as spaces, spaces collapsed."""
    kept = "".join(ch if ch.isalnum() or ch in ".-" else " " for ch in text[:MAX_ANSWER].lower())
    return " ".join(kept.split())


def _bare(name: str) -> tuple[str, str]:
    """("kota", "bandung") for "Kota Bandung"; ("", name) when no type is written."""
    for prefix in _TYPE_PREFIXES:
        if name.startswith(prefix):
            kind = "kota" if prefix.startswith("kota") else "kabupaten"
            return kind, name.removeprefix(prefix).strip()
    return "", name


def region_candidates(text: str) -> list[Region]:
    """The regencies/cities a typed place may mean, best first: a Kemendagri code ("32.73"),
    the full name ("Kota Bandung"), or the bare name ("bandung": the regency and the city).
    Empty when nothing matches; more than ``MAX_CHOICES`` when the name is too short to tell.
    """
    query = _words(text)
    if not query:
        return []
    regencies = Region.objects.filter(level=Region.Level.REGENCY).select_related("parent")
    if all(ch.isdigit() or ch == "." for ch in query):
        return list(regencies.filter(code=query))
    kind, bare = _bare(query)
    if len(bare) < 3:
        return []
    found = list(regencies.filter(name__icontains=bare).order_by("code")[:50])
    exact = [r for r in found if _bare(_words(r.name))[1] == bare]
    if kind:
        exact = [r for r in exact if _bare(_words(r.name))[0] == kind] or exact
    return exact or found


def date_parse(text: str, *, today: datetime.date) -> datetime.date | None:
    """A typed date: "hari ini", "kemarin", "05-11-2024", "5/11/2024", "2024-11-05" or
    "5 November 2024"; None when it is none of those (or no real day)."""
    words = _words(text)
    if words in ("hari ini", "tadi", "barusan"):
        return today
    if words == "kemarin":
        return today - datetime.timedelta(days=1)
    if words == "kemarin lusa":
        return today - datetime.timedelta(days=2)
    parts = words.replace("-", " ").replace("/", " ").replace(".", " ").split()
    if len(parts) != 3:
        return None
    if parts[1] in MONTHS:
        parts[1] = str(MONTHS[parts[1]])
    if not all(p.isdigit() and len(p) <= 4 for p in parts):
        return None
    numbers = [int(p) for p in parts]
    day, month, year = (numbers[2], numbers[1], numbers[0]) if len(parts[0]) == 4 else numbers
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
