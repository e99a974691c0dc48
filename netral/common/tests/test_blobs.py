"""The encrypted blob store: sealed per purpose and path, and durable before the row commits."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from netral.common import blobs
from netral.common.crypto import DecryptionError, encrypt_bytes
from netral.reports.models import Evidence
from netral.reports.storage import EVIDENCE_BLOBS
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif

OTHER = blobs.BlobPurpose(name="test-other", root="test-other")
LEGACY = blobs.BlobPurpose(name="test-renamed", root="test-renamed", legacy_names=("test-old",))


def test_put_get_round_trip_sealed_at_rest(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    ref = blobs.put(OTHER, b"rahasia", folder="a/b", label="bin")
    assert blobs.BLOB_NAME.fullmatch(ref) and ref.startswith("test-other/a/b/")
    assert b"rahasia" not in (tmp_path / ref).read_bytes()
    assert blobs.get(OTHER, ref) == b"rahasia"
    # No temporary file stays behind.
    assert [p.name for p in (tmp_path / "test-other/a/b").iterdir()] == [ref.rsplit("/", 1)[1]]


def test_a_blob_opens_only_under_its_purpose_and_path(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path
    ref = blobs.put(OTHER, b"x")
    with pytest.raises(DecryptionError):
        blobs.get(EVIDENCE_BLOBS, ref)
    copy = blobs.put(OTHER, b"y")
    (tmp_path / copy).write_bytes((tmp_path / ref).read_bytes())  # copied over another blob
    with pytest.raises(DecryptionError):
        blobs.get(OTHER, copy)
    with pytest.raises(blobs.BlobMissing):
        blobs.get(OTHER, "test-other/" + "0" * 32 + ".bin")


def test_legacy_purpose_names_still_open_and_ask_for_rotation(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    ref = "test-renamed/" + "a" * 32 + ".bin"
    (tmp_path / "test-renamed").mkdir()
    (tmp_path / ref).write_bytes(
        encrypt_bytes(b"lama", associated_data=b"netral/test-old:" + ref.encode())
    )
    assert blobs.unseal(LEGACY, ref, blobs.read_sealed(ref)) == (b"lama", False)
    fresh = blobs.put(LEGACY, b"baru")
    assert blobs.unseal(LEGACY, fresh, blobs.read_sealed(fresh)) == (b"baru", True)


def test_bad_names_are_refused() -> None:
    with pytest.raises(ValueError):
        blobs.put(OTHER, b"x", folder="../etc")
    with pytest.raises(ValueError):
        blobs.put(OTHER, b"x", label="pdf/../../x")
    with pytest.raises(ValueError):  # one name, one definition
        blobs.BlobPurpose(name="test-other", root="elsewhere")


def test_non_local_storage_uploads_before_returning(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    ref = blobs.put(OTHER, b"di awan", folder="s3")
    assert blobs.exists(ref) and blobs.get(OTHER, ref) == b"di awan"
    assert [f.name for f in blobs.stored_files()] == [ref]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("elections")
def test_evidence_is_fsynced_and_renamed_into_place_before_its_row_is_written(
    client: Client, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 17.1: temporary name -> write -> fsync -> rename -> fsync the folder, all before
    the INSERT that records the path (hence before the commit)."""
    settings.MEDIA_ROOT = tmp_path
    events: list[tuple[str, str]] = []
    real_fsync, real_rename = os.fsync, os.rename

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def rename(src: Any, dst: Any) -> None:
        events.append(("rename", f"{src} -> {dst}"))
        real_rename(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "rename", rename)
    seen_at_insert: list[list[tuple[str, str]]] = []

    def watch(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if sql.startswith('INSERT INTO "reports_evidence"'):
            seen_at_insert.append(list(events))
        return execute(sql, params, many, context)

    photo = io.BytesIO(jpeg_with_exif())
    photo.name = "bukti.jpg"
    with connection.execute_wrapper(watch):
        response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [photo]})
    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert len(seen_at_insert) == 1
    before_insert = seen_at_insert[0]
    for ref in (evidence.original_path, evidence.clean_path):
        final = str(tmp_path / ref)
        folder = str(Path(final).parent)
        renames = [
            i for i, (k, v) in enumerate(before_insert) if k == "rename" and v.endswith(final)
        ]
        assert len(renames) == 1, before_insert
        temp = before_insert[renames[0]][1].split(" -> ")[0]
        assert ".tmp" in temp and Path(temp).parent == Path(folder)
        # The temporary file was fsynced before the rename, the folder after it.
        assert ("fsync", temp) in before_insert[: renames[0]]
        assert ("fsync", folder) in before_insert[renames[0] :]


def test_blobs_put_in_a_failed_block_are_deleted_and_kept_when_it_succeeds(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(RuntimeError), blobs.deleted_on_failure() as written:
        written.append(blobs.put(OTHER, b"x"))
        raise RuntimeError("rolled back")
    assert written and not (tmp_path / written[0]).exists()
    with blobs.deleted_on_failure() as kept:
        kept.append(blobs.put(OTHER, b"y"))
    assert blobs.get(OTHER, kept[0]) == b"y"
