"""Backup and restore: the database and the encrypted blobs in one tar archive.

The archive holds ``database.sqlite3`` (SQLite's online backup API) or ``database.pgdump``
(``pg_dump --format=custom``), every blob the database points at under ``blobs/<ref>``
exactly as stored (still sealed: the archive holds no plaintext of any file), and
``manifest.json`` with the SHA-256 of every member.

Consistency: the database is copied first, from one snapshot (SQLite: the backup API copies
one consistent state; PostgreSQL: ``pg_dump --snapshot`` of a repeatable-read transaction
that also lists the refs). The blobs copied are those that snapshot points at. Blobs are
written before the rows that point at them commit and never change afterwards, so each is
there to copy, unless retention or key rotation deleted it since: the backup then stops and
is taken again.

The archive is not usable without the keys it was made under: ``NETRAL_FIELD_KEY``
(identities and blobs are encrypted with it) and ``SECRET_KEY`` (receipt codes are keyed
with it). The manifest keeps their fingerprints, never the keys; ``restore`` refuses an
installation without them.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from netral.common import blobs
from netral.common.crypto import DecryptionError

FORMAT = "netral-backup/1"
MANIFEST = "manifest.json"
BLOB_PREFIX = "blobs/"

NOT_AN_ARCHIVE = "{path} bukan arsip cadangan Netral."
MEMBER_MISSING = "Arsip tidak lengkap: {name} tidak ada."
MEMBER_CHANGED = "Arsip rusak: SHA-256 {name} tidak sesuai manifes."
MEMBER_UNLISTED = "Arsip memuat berkas yang tidak ada di manifes: {name}."
WRONG_ENGINE = "Arsip ini dari {archive}; instalasi ini memakai {here}."
NOT_EMPTY_DB = (
    "Basis data tujuan tidak kosong ({tables} tabel). Pulihkan ke basis data baru yang kosong "
    "(sebelum migrate)."
)
NOT_EMPTY_STORAGE = "Penyimpanan berkas tujuan tidak kosong ({name})."
FIELD_KEY_MISSING = (
    "Kunci NETRAL_FIELD_KEY yang mengenkripsi cadangan ini tidak terpasang: identitas dan "
    "berkas tidak dapat dibuka."
)
RECEIPTS_UNREADABLE = (
    "SECRET_KEY instalasi ini bukan yang dipakai saat pencadangan: kode tanda terima tidak "
    "akan ditemukan. Pasang SECRET_KEY lama (atau di SECRET_KEY_FALLBACKS)."
)
BLOB_GONE = "Berkas {ref} hilang dari penyimpanan sejak snapshot; ulangi pencadangan."
IN_TRANSACTION = "Pencadangan SQLite tidak dapat berjalan di dalam transaksi."
PG_TOOL_FAILED = "{tool} gagal: {error}"


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why (Indonesian, for the CLI)."""


@dataclasses.dataclass(frozen=True)
class BackupResult:
    path: Path
    engine: str
    blobs: int
    size: int
    seconds: float


@dataclasses.dataclass(frozen=True)
class RestoreResult:
    engine: str
    blobs: int
    verified: int
    seconds: float


# --- Keys ----------------------------------------------------------------------------------


def _fingerprint(secret: str, label: str) -> str:
    """A public fingerprint of a key: tells whether two installations hold the same key."""
    return hmac.new(secret.encode(), f"netral/backup/{label}".encode(), hashlib.sha256).hexdigest()


def _field_keys() -> list[str]:
    return [_fingerprint(key.strip(), "field-key") for key in settings.NETRAL_FIELD_KEYS]


def _secret_keys() -> list[str]:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_fingerprint(key, "secret-key") for key in keys]


# --- Database ------------------------------------------------------------------------------


def _engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def _blob_queries() -> list[tuple[str, str]]:
    """``(table, column)`` of every blob column (the registry of ``common.blobs``)."""
    found = set()
    for column in blobs.blob_columns():
        field = column.model._meta.get_field(column.field)
        found.add((column.model._meta.db_table, str(field.column)))  # type: ignore[union-attr]
    return sorted(found)


def _refs_from(cursor: Any, quote: Any) -> set[str]:
    refs: set[str] = set()
    for table, column in _blob_queries():
        # Names from the model registry, quoted: no outside text reaches the query.
        sql = f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(column)} <> ''"  # noqa: S608
        cursor.execute(sql)
        refs.update(row[0] for row in cursor.fetchall())
    return refs


def _pg_params() -> dict[str, str]:
    db = settings.DATABASES["default"]
    return {
        "dbname": db["NAME"],
        "user": db.get("USER") or "",
        "password": db.get("PASSWORD") or "",
        "host": db.get("HOST") or "",
        "port": str(db.get("PORT") or ""),
    }


def _pg_env() -> dict[str, str]:
    params = _pg_params()
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": params["host"],
            "PGPORT": params["port"],
            "PGUSER": params["user"],
            "PGPASSWORD": params["password"],
            "PGDATABASE": params["dbname"],
        }
    )
    return {name: value for name, value in env.items() if value}


def _run(tool: list[str]) -> None:
    # The PostgreSQL client tools with fixed arguments; connection details in the environment.
    done = subprocess.run(  # noqa: S603
        tool, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(PG_TOOL_FAILED.format(tool=tool[0], error=done.stderr.strip()[-800:]))


def _dump_postgresql(target: Path) -> set[str]:
    import psycopg

    params = {name: value for name, value in _pg_params().items() if value}
    with psycopg.connect(**params) as pg:  # type: ignore[arg-type]
        pg.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        pg.read_only = True
        with pg.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            row = cursor.fetchone()
            assert row is not None
            # The dump and the refs below read the same snapshot.
            _run(["pg_dump", "--format=custom", f"--snapshot={row[0]}", f"--file={target}"])
            return _refs_from(cursor, connection.ops.quote_name)


def _dump_sqlite(target: Path) -> set[str]:
    if connection.in_atomic_block:  # the backup API would wait for this transaction forever
        raise BackupError(IN_TRANSACTION)
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        return _refs_from(copy.cursor(), connection.ops.quote_name)
    finally:
        copy.close()


# --- Archive -------------------------------------------------------------------------------


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> str:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(data))
    return hashlib.sha256(data).hexdigest()


def _add_file(archive: tarfile.TarFile, name: str, path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    archive.add(path, arcname=name, recursive=False)
    return digest.hexdigest()


def backup_write(*, path: Path) -> BackupResult:
    """Write the archive to ``path`` (through a temporary name beside it, fsynced, renamed)."""
    started = time.monotonic()
    engine = _engine()
    partial = path.with_name(f".{path.name}.partial")
    with tempfile.TemporaryDirectory(prefix="netral-backup-") as work:
        name = "database.pgdump" if engine == "postgresql" else "database.sqlite3"
        database = Path(work) / name
        refs = _dump_postgresql(database) if engine == "postgresql" else _dump_sqlite(database)
        members: dict[str, str] = {}
        try:
            with tarfile.open(partial, "w") as archive:
                members[database.name] = _add_file(archive, database.name, database)
                for ref in sorted(refs):
                    try:
                        sealed = blobs.read_sealed(ref)
                    except blobs.BlobMissing:
                        raise BackupError(BLOB_GONE.format(ref=ref)) from None
                    members[BLOB_PREFIX + ref] = _add(archive, BLOB_PREFIX + ref, sealed)
                manifest = {
                    "format": FORMAT,
                    "created_at": timezone.now().isoformat(),
                    "engine": engine,
                    "database": database.name,
                    "field_key": _field_keys()[0],
                    "secret_key": _secret_keys()[0],
                    "members": members,
                }
                _add(archive, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
            with partial.open("rb") as handle:
                os.fsync(handle.fileno())
            partial.replace(path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupResult(
        path=path,
        engine=engine,
        blobs=len(refs),
        size=path.stat().st_size,
        seconds=time.monotonic() - started,
    )


def _manifest(archive: tarfile.TarFile, path: Path) -> dict[str, Any]:
    try:
        handle = archive.extractfile(MANIFEST)
        manifest = json.loads(handle.read()) if handle is not None else None
    except (KeyError, ValueError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(NOT_AN_ARCHIVE.format(path=path.name))
    return manifest


def _sha256_of(handle: Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1 << 20), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _verify_members(archive: tarfile.TarFile, members: dict[str, str]) -> None:
    """Every member is listed and has its hash; nothing is written before this passes."""
    present = {info.name: info for info in archive.getmembers() if info.name != MANIFEST}
    for name in sorted(set(present) - set(members)):
        raise BackupError(MEMBER_UNLISTED.format(name=name[:200]))
    for name, expected in sorted(members.items()):
        info = present.get(name)
        handle = archive.extractfile(info) if info is not None and info.isfile() else None
        if handle is None:
            raise BackupError(MEMBER_MISSING.format(name=name[:200]))
        if _sha256_of(handle) != expected:
            raise BackupError(MEMBER_CHANGED.format(name=name[:200]))


def _check_target(manifest: dict[str, Any]) -> None:
    if manifest.get("engine") != _engine():
        raise BackupError(WRONG_ENGINE.format(archive=manifest.get("engine"), here=_engine()))
    if manifest.get("field_key") not in _field_keys():
        raise BackupError(FIELD_KEY_MISSING)
    if manifest.get("secret_key") not in _secret_keys():
        raise BackupError(RECEIPTS_UNREADABLE)
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(NOT_EMPTY_DB.format(tables=len(tables)))
    for stored in blobs.stored_files():
        raise BackupError(NOT_EMPTY_STORAGE.format(name=stored.name))


@contextmanager
def _extracted(archive: tarfile.TarFile, name: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="netral-restore-") as work:
        target = Path(work) / Path(name).name
        handle = archive.extractfile(name)
        assert handle is not None
        with target.open("wb") as out:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                out.write(chunk)
        yield target


def _restore_database(archive: tarfile.TarFile, name: str, engine: str) -> None:
    with _extracted(archive, name) as dump:
        if engine == "postgresql":
            dbname = _pg_params()["dbname"]
            _run(["pg_restore", "--exit-on-error", "--no-owner", f"--dbname={dbname}", str(dump)])
            return
        connection.close()
        source = sqlite3.connect(dump)
        target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()


def _verify_blobs() -> int:
    """Open every blob the restored rows point at with this installation's key and compare
    its SHA-256 where the row keeps one; return how many were checked."""
    checked = 0
    for column in blobs.blob_columns():
        for row in column.refs().iterator():
            ref, expected = row[1], (row[2] if len(row) > 2 else "")
            try:
                data = blobs.get(column.purpose, ref)
            except (blobs.BlobMissing, DecryptionError) as error:
                raise BackupError(f"{column.label} #{row[0]}: {error}") from None
            if expected and blobs.sha256_hex(data) != expected:
                raise BackupError(MEMBER_CHANGED.format(name=ref))
            checked += 1
    return checked


def backup_restore(*, path: Path) -> RestoreResult:
    """Bring ``path`` back onto this installation, which must be empty (no tables, no blobs)
    and hold the keys the backup was made under. Checks every hash before writing anything,
    then opens every restored blob."""
    started = time.monotonic()
    try:
        archive = tarfile.open(path, "r:")  # noqa: SIM115 - closed by the block below
    except (tarfile.TarError, OSError) as error:
        raise BackupError(NOT_AN_ARCHIVE.format(path=path.name)) from error
    with archive:
        manifest = _manifest(archive, path)
        members: dict[str, str] = manifest.get("members") or {}
        _verify_members(archive, members)
        _check_target(manifest)
        _restore_database(archive, manifest["database"], manifest["engine"])
        refs = [name[len(BLOB_PREFIX) :] for name in members if name.startswith(BLOB_PREFIX)]
        for ref in refs:
            handle = archive.extractfile(BLOB_PREFIX + ref)
            assert handle is not None
            blobs.put_sealed(ref, handle.read())
    connection.close()  # the next query sees the restored database
    verified = _verify_blobs()
    return RestoreResult(
        engine=manifest["engine"],
        blobs=len(refs),
        verified=verified,
        seconds=time.monotonic() - started,
    )
