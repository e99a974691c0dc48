"""Do storage and rows agree? The checks behind ``manage.py storage_check``.

Rows are found through the registry of blob columns (:func:`netral.common.blobs.blob_columns`),
files by listing the store (only names the store itself writes: ``<folders>/<32 hex>.<label>``
and its temporary files). Problems:

* ``orphan``: a stored blob no row points at (written, then the transaction that would have
  recorded it never committed), or a temporary file a crashed write left behind;
* ``missing``: a row pointing at a blob that is not in storage;
* ``undecryptable``: a blob that does not open with the configured keys and its purpose;
* ``hash-mismatch``: a blob whose plaintext no longer hashes to the SHA-256 in its row.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from netral.common import blobs
from netral.common.crypto import DecryptionError

AGE_FORMAT = re.compile(r"(\d{1,6})([smhdw])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
AGE_INVALID = "Age must be a number with a unit s, m, h, d or w (e.g. 1d, 12h): {value!r}."


def parse_age(value: str) -> datetime.timedelta:
    match = AGE_FORMAT.fullmatch(value.strip())
    if match is None:
        raise ValueError(AGE_INVALID.format(value=value))
    return datetime.timedelta(seconds=int(match[1]) * _UNIT_SECONDS[match[2]])


def format_age(seconds: float) -> str:
    whole = int(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{days}d {hours:02d}:{minutes:02d}:{secs:02d}"


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # orphan, missing, undecryptable, hash-mismatch
    ref: str
    detail: str
    age_seconds: float = 0.0

    def line(self) -> str:
        return f"{self.kind}: {self.ref} ({self.detail})"


def storage_problems(*, check_contents: bool = True) -> Iterator[Problem]:
    """Every disagreement between storage and rows, rows first, then orphans.

    ``check_contents`` decrypts every referenced blob (and compares its SHA-256 where the row
    keeps one); without it only presence is checked."""
    stored = {item.name: item for item in blobs.stored_files()}
    referenced: set[str] = set()
    for column in blobs.blob_columns():
        for row in column.refs().iterator(chunk_size=500):
            pk, ref = row[0], row[1]
            expected = row[2] if column.sha256_field else ""
            referenced.add(ref)
            where = f"{column.label} #{pk}"
            if ref not in stored or stored[ref].temporary:
                yield Problem("missing", ref, f"{where} points at it; not in storage")
                continue
            if not check_contents:
                continue
            try:
                data = blobs.get(column.purpose, ref)
            except blobs.BlobMissing:
                yield Problem("missing", ref, f"{where} points at it; not in storage")
                continue
            except DecryptionError as error:
                yield Problem("undecryptable", ref, f"{where}: {error}")
                continue
            if expected and blobs.sha256_hex(data) != expected:
                yield Problem("hash-mismatch", ref, f"{where} recorded {expected[:16]}...")
    for name, item in sorted(stored.items()):
        if name not in referenced:
            what = "temporary file of an unfinished write" if item.temporary else "no row"
            yield Problem(
                "orphan", name, f"{what}; age {format_age(item.age_seconds)}", item.age_seconds
            )


def orphan_delete(problem: Problem, *, older_than: datetime.timedelta) -> bool:
    """Remove an orphan older than ``older_than`` if it still has no row; whether it did."""
    if problem.kind != "orphan" or problem.age_seconds < older_than.total_seconds():
        return False
    name = problem.ref
    if not (blobs.BLOB_NAME.fullmatch(name) or blobs.TEMP_NAME.fullmatch(name)):
        return False
    if blobs.referenced(name):  # a row committed since the listing
        return False
    blobs.delete([name])
    return True
