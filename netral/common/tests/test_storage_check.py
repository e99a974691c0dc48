"""Item 17.3: ``manage.py storage_check`` names orphans (with their age), missing blobs,
undecryptable blobs and wrong hashes, one line each; exit 0 only when storage and rows
agree; ``--delete-orphans --older-than`` removes only old orphans the store named."""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client

from netral.accounts.models import User
from netral.common.crypto import encrypt_bytes
from netral.common.tests.blob_flows import store_one_of_each
from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.models import Evidence
from netral.reports.services import report_submit
from netral.reports.storage import EVIDENCE_BLOBS
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")
TWO_DAYS = 2 * 86400


def storage_check(*args: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    try:
        call_command("storage_check", *args, stdout=out)
    except CommandError as error:
        return error.returncode, out.getvalue().splitlines()
    return 0, out.getvalue().splitlines()


def files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def crash_after_the_write() -> None:
    """A report with evidence whose transaction fails after the blobs were written."""
    form = ReportForm(payload_to_form_data(valid()))
    assert form.is_valid(), form.errors
    photo = SimpleUploadedFile("bukti.jpg", jpeg_with_exif(), content_type="image/jpeg")
    with pytest.raises(RuntimeError), transaction.atomic():
        report_submit(form=form, files=[photo], channel="api")
        raise RuntimeError("the process died before the commit")


def test_storage_and_rows_agree_after_every_kind_of_write(
    client: Client, make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    store_one_of_each(client, make_user)
    assert len(files_under(tmp_path)) >= 6
    assert storage_check() == (0, [])


def test_a_failed_transaction_leaves_an_orphan_that_is_named_with_its_age(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    crash_after_the_write()
    assert not Evidence.objects.exists()
    orphans = files_under(tmp_path)
    assert len(orphans) == 2  # the original and its cleaned copy
    code, lines = storage_check()
    assert code == 1
    assert sorted(line.split(" (")[0] for line in lines) == sorted(
        f"orphan: {name}" for name in orphans
    )
    assert all(line.endswith(")") and "(no row; age 0d 00:" in line for line in lines)


def test_delete_orphans_removes_only_old_blob_named_files_without_a_row(
    client: Client, make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    store_one_of_each(client, make_user)
    referenced = files_under(tmp_path)
    for name in referenced:
        age(tmp_path / name, TWO_DAYS)  # old, but a row points at each
    crash_after_the_write()
    young = files_under(tmp_path) - referenced
    crash_after_the_write()
    old = files_under(tmp_path) - referenced - young
    for name in old:
        age(tmp_path / name, TWO_DAYS)
    stranger = tmp_path / "evidence" / "CATATAN.txt"  # not named as the store names blobs
    stranger.write_text("milik operator")
    age(stranger, TWO_DAYS)

    code, lines = storage_check("--delete-orphans", "--older-than", "1d")
    assert code == 1  # the young orphans may still be a write in progress: kept, reported
    assert sorted(line.split(" (")[0] for line in lines) == sorted(
        [f"deleted: {name}" for name in old] + [f"orphan: {name}" for name in young]
    )
    assert files_under(tmp_path) == referenced | young | {"evidence/CATATAN.txt"}
    assert storage_check("--delete-orphans", "--older-than", "1m")[0] == 1  # too young to ask


def test_missing_undecryptable_and_wrong_hash_are_named(
    client: Client, make_user: Callable[..., User], settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    stored = store_one_of_each(client, make_user)
    evidence = stored.evidence
    (tmp_path / stored.attachment.clean_path).unlink()
    # Sealed correctly for its path, but other content than the row's SHA-256.
    ref = evidence.original_path
    (tmp_path / ref).write_bytes(
        encrypt_bytes(b"lain", associated_data=EVIDENCE_BLOBS.associated_data(ref))
    )
    clean = tmp_path / evidence.clean_path
    clean.write_bytes(clean.read_bytes()[:-1] + b"\x00")  # one byte changed

    code, lines = storage_check()
    assert code == 1
    kinds = sorted(line.split(":")[0] for line in lines)
    assert kinds == ["hash-mismatch", "missing", "undecryptable"], lines
    by_kind = {line.split(":")[0]: line for line in lines}
    assert stored.attachment.clean_path in by_kind["missing"]
    assert f"reports.Evidence.original_path #{evidence.pk}" in by_kind["hash-mismatch"]
    assert evidence.clean_path in by_kind["undecryptable"]
    # Presence only: the missing blob alone.
    assert [line.split(":")[0] for line in storage_check("--presence-only")[1]] == ["missing"]


def test_storage_check_on_the_demo_data_set_finds_nothing_wrong(
    settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.NETRAL_DEMO = True
    call_command("load_demo_data", "--reset", "--reports", "200", stdout=io.StringIO())
    assert storage_check() == (0, [])
