"""Bulk creation of staff accounts from an XLSX: all rows or none.

Columns (header row, any order): ``username``, ``nama lengkap``, ``e-mail``, ``peran``,
``kode wilayah`` (English headers ``full name``, ``email``, ``role``, ``region`` work too).
Every row is checked first (role known, region exists, role allowed at that level, e-mail
valid, username free in the file and the database); only when all pass are the accounts
created, each through ``user_create`` (audited), with no usable password, and each gets an
invitation link by e-mail after commit. The file is read with openpyxl in read-only,
values-only mode (a formula is never evaluated: a formula cell is refused), after
its size and unpacked size are checked.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from netral.accounts.invitations import invitation_send_on_commit
from netral.accounts.models import ROLES_NEEDING_REGION, Role, User
from netral.accounts.permissions import require
from netral.accounts.services import user_role_validate
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError
from netral.common.text import clean_name
from netral.regions.models import Region

MAX_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 2_000
MAX_ERRORS = 200

FILE_MISSING = "Pilih berkas XLSX yang akan diimpor."
FILE_TOO_LARGE = "Berkas terlalu besar (paling besar 2 MB)."
FILE_NOT_XLSX = "Berkas bukan XLSX yang dapat dibaca."
HEADER_MISSING = "Kolom '{column}' tidak ditemukan di baris judul."
NO_ROWS = "Berkas tidak berisi baris akun."
TOO_MANY_ROWS = "Paling banyak {max} baris per berkas; bagi berkas menjadi beberapa."
ROW = "Baris {row}: {message}"
REQUIRED = "kolom '{column}' wajib diisi."
FORMULA = "kolom '{column}' berisi rumus; ketik nilainya sebagai teks."
BAD_USERNAME = "nama pengguna {value!r} hanya boleh berisi huruf, angka dan @ . + - _."
USERNAME_IN_DB = "nama pengguna {value!r} sudah dipakai."
USERNAME_TWICE = "nama pengguna {value!r} sudah ada di baris {other}."
BAD_EMAIL = "alamat e-mail {value!r} tidak sah."
BAD_ROLE = "peran {value!r} tidak dikenal."
BAD_REGION = "kode wilayah {value!r} tidak ditemukan."
NEEDS_REGION = "peran {role} harus memiliki kode wilayah."
NATIONAL_ONLY = "peran {role} hanya untuk tingkat nasional (kode wilayah dikosongkan)."
TOO_LONG = "kolom '{column}' terlalu panjang (paling banyak {max} karakter)."

# Which column each field is read from: the Indonesian header, and accepted alternatives.
HEADERS: dict[str, tuple[str, ...]] = {
    "username": ("username", "nama pengguna"),
    "full_name": ("nama lengkap", "full name", "nama"),
    "email": ("e-mail", "email"),
    "role": ("peran", "role"),
    "region": ("kode wilayah", "region", "jurisdiction", "wilayah"),
}
REQUIRED_FIELDS = ("username", "full_name", "email", "role")
MAX_LENGTH = {"username": 150, "full_name": 150, "email": 254, "role": 40, "region": 13}
# Roles that only exist at the national level (no region).
NATIONAL_ONLY_ROLES = {Role.ADMIN}


@dataclass(frozen=True)
class StaffRow:
    row: int
    username: str
    full_name: str
    email: str
    role: str
    region: str  # "" = national


@dataclass
class StaffImportCheck:
    rows: list[StaffRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _open(content: bytes) -> Any:
    if len(content) > MAX_BYTES:
        raise ApplicationError(FILE_TOO_LARGE)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ApplicationError(FILE_TOO_LARGE)
        # data_only=False: a formula cell reads as its text ("=..."), refused per row below;
        # neither it nor a cached result is ever taken as a value.
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ApplicationError(FILE_NOT_XLSX) from exc
    return book.worksheets[0]


def _raw_rows(content: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """(Excel row number, {field: cell value}) for each non-empty row under the header."""
    rows = _open(content).iter_rows(values_only=True)
    header = [str(v).strip().lower() if v is not None else "" for v in next(rows, ())]
    positions: dict[str, int] = {}
    for name, names in HEADERS.items():
        found = next((header.index(n) for n in names if n in header), None)
        if found is not None:
            positions[name] = found
        elif name in REQUIRED_FIELDS:
            raise ApplicationError(HEADER_MISSING, params={"column": names[0]})
    for number, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        yield number, {n: values[i] if i < len(values) else None for n, i in positions.items()}


def _role(raw: str) -> str | None:
    wanted = raw.strip().lower()
    for value, label in Role.choices:
        if wanted in (value, str(label).lower()):
            return str(value)
    return None


def _check_row(number: int, values: dict[str, Any], regions: dict[str, Region]) -> list[str]:
    """The Indonesian problems of one row (empty: the row is good)."""
    problems: list[str] = []
    text: dict[str, str] = {}
    for name in HEADERS:
        value = values.get(name)
        # Numbers (a region code typed as 32.75) are read back as written.
        text[name] = "" if value is None else str(value).strip()
        column = HEADERS[name][0]
        if text[name].startswith("="):
            problems.append(_(FORMULA).format(column=column))
        elif len(text[name]) > MAX_LENGTH[name]:
            problems.append(_(TOO_LONG).format(column=column, max=MAX_LENGTH[name]))
        elif name in REQUIRED_FIELDS and not text[name]:
            problems.append(_(REQUIRED).format(column=column))
    if problems:
        return problems
    try:
        User.username_validator(text["username"])
    except ValidationError:
        problems.append(_(BAD_USERNAME).format(value=text["username"]))
    try:
        validate_email(text["email"])
    except ValidationError:
        problems.append(_(BAD_EMAIL).format(value=text["email"]))
    role = _role(text["role"])
    if role is None:
        problems.append(_(BAD_ROLE).format(value=text["role"]))
    region = text["region"]
    if region and region not in regions:
        problems.append(_(BAD_REGION).format(value=region))
    if role is not None:
        label = Role(role).label
        if role in ROLES_NEEDING_REGION and not region:
            problems.append(_(NEEDS_REGION).format(role=label))
        if role in NATIONAL_ONLY_ROLES and region:
            problems.append(_(NATIONAL_ONLY).format(role=label))
    return problems


def staff_import_check(*, content: bytes) -> StaffImportCheck:
    """Read and check every row; nothing is written. File-level problems raise
    ``ApplicationError``; row problems are listed, each naming its row."""
    if not content:
        raise ApplicationError(FILE_MISSING)
    raw = []
    for item in _raw_rows(content):
        raw.append(item)
        if len(raw) > MAX_ROWS:
            raise ApplicationError(TOO_MANY_ROWS, params={"max": MAX_ROWS})
    if not raw:
        raise ApplicationError(NO_ROWS)
    regions = Region.objects.in_bulk(
        {str(v["region"]).strip() for _, v in raw if v.get("region") is not None}
    )
    names = [str(v.get("username") or "").strip() for _, v in raw]
    taken = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    seen: dict[str, int] = {}
    check = StaffImportCheck()
    for (number, values), username in zip(raw, names, strict=True):
        problems = _check_row(number, values, regions)
        if username in taken:
            problems.append(_(USERNAME_IN_DB).format(value=username))
        elif username and username in seen:
            problems.append(_(USERNAME_TWICE).format(value=username, other=seen[username]))
        seen.setdefault(username, number)
        if problems:
            check.errors.extend(_(ROW).format(row=number, message=p) for p in problems)
            continue
        check.rows.append(
            StaffRow(
                row=number,
                username=username,
                full_name=str(values["full_name"]).strip(),
                email=str(values["email"]).strip(),
                role=_role(str(values["role"])) or "",
                region=str(values.get("region") or "").strip(),
            )
        )
    del check.errors[MAX_ERRORS:]
    return check


@audited
def staff_import_run(*, actor: User | None, content: bytes) -> list[User]:
    """Check the file and create every account, or none (``ApplicationError`` listing the
    row problems). Each account gets its invitation e-mail after commit. ``actor`` None: a
    trusted command."""
    if actor is not None:
        require(actor, "user.manage")
    check = staff_import_check(content=content)
    if not check.ok:
        raise StaffImportFailed(check.errors)
    regions = Region.objects.in_bulk({row.region for row in check.rows if row.region})
    created: list[User] = []
    for row in check.rows:
        jurisdiction = regions.get(row.region) if row.region else None
        user_role_validate(role=row.role, jurisdiction=jurisdiction)
        # Like ``user_create`` but with no password to hash (Argon2 per row would take
        # minutes for a national roll-out): the person sets theirs through the link.
        user = User(
            username=row.username,
            role=row.role,
            jurisdiction=jurisdiction,
            first_name=clean_name(row.full_name),
            email=row.email,
            is_staff=row.role == Role.ADMIN,
            is_superuser=row.role == Role.ADMIN,
        )
        user.set_unusable_password()
        user.save()
        audit_record(
            actor=actor,
            action="user.create",
            obj=user,
            after={
                "username": user.username,
                "role": user.role,
                "jurisdiction": row.region or None,
            },
        )
        created.append(user)
    audit_record(
        actor=actor,
        action="user.import",
        object_type="accounts.user",
        after={"count": len(created), "usernames": [u.username for u in created][:50]},
    )
    invitation_send_on_commit(user_ids=[u.pk for u in created])
    return created


class StaffImportFailed(ApplicationError):
    """Some rows are wrong: nothing was created. ``errors`` names each problem's row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors) if errors else NO_ROWS)
        self.errors = errors
