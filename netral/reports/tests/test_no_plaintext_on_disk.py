"""Nothing identifying reaches the disk in plaintext: not the reporter's identity, not the
photo's EXIF (with its GPS position), not the receipt code. Reads the raw database (the
SQLite file and its WAL, or a pg_dump) and every stored evidence file."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from netral.reports.models import Evidence
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import REPORTER, jpeg_with_exif

SECRETS = ["Rina Kartika", "3275015703900001", "081234567890", "rina@example.org", REPORTER]


def database_bytes() -> bytes:
    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.fail("pg_dump is needed to inspect the PostgreSQL database")
    params = connection.get_connection_params()
    env = {**os.environ, "PGPASSWORD": str(params.get("password", ""))}
    dump = subprocess.run(  # noqa: S603 - fixed arguments, our own database
        [
            pg_dump,
            "-h",
            str(params.get("host") or "127.0.0.1"),
            "-p",
            str(params.get("port") or 5432),
            "-U",
            str(params["user"]),
            "--data-only",
            str(params["dbname"]),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return dump.stdout


def storage_bytes(root: Path) -> list[bytes]:
    return [p.read_bytes() for p in root.rglob("*") if p.is_file()]


@pytest.mark.django_db(transaction=True)
def test_identity_exif_and_code_are_never_plaintext(
    client: Client, elections: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # only this test's files
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = f"foto dari {REPORTER}.jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [photo]})
    assert response.status_code == 201
    code = response.json()["receipt_code"]
    evidence = Evidence.objects.get()
    assert evidence.has_clean_copy

    with connection.cursor() as cursor:  # make sure everything is on disk
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(FULL)")
    raw_db = database_bytes()
    assert b"Dinas Pendidikan Kota Bekasi" in raw_db  # the reading works: non-secret data is there
    files = storage_bytes(tmp_path)
    assert len(files) == 2  # the sealed original and the sealed clean copy
    for secret in [*SECRETS, code]:
        needle = secret.encode()
        assert needle not in raw_db, f"{secret!r} found in the database"
        assert all(needle not in blob for blob in files), f"{secret!r} found in storage"
    # EXIF (which carries the GPS position) never lies on disk unencrypted.
    for blob in files:
        assert b"Exif\x00\x00" not in blob and b"\xff\xd8\xff" not in blob[:16]
