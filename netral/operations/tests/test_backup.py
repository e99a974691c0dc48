"""Backup, wipe, restore: every receipt code resolves and every document verifies again."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from netral.common import blobs
from netral.documents.kinds import Subject
from netral.documents.models import IssuedDocument
from netral.documents.services import document_issue, document_pdf, document_verify_bytes
from netral.regions.models import Region
from netral.reports.forms import ReportForm
from netral.reports.intake import payload_to_form_data
from netral.reports.models import Evidence, Reporter
from netral.reports.selectors import report_find_by_code
from netral.reports.services import report_submit
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import png_with_text


def _submit(with_photo: bool, **overrides: Any) -> str:
    form = ReportForm(payload_to_form_data(valid(**overrides)))
    assert form.is_valid(), form.errors
    files = [SimpleUploadedFile("foto.png", png_with_text(), "image/png")] if with_photo else []
    return report_submit(form=form, files=files, channel="api").receipt_code


def _issue() -> str:
    with transaction.atomic():
        document = document_issue(
            kind="registration_notice",
            title="Pemberitahuan Uji",
            office_region=Region.objects.get(code="32.75"),
            lines=[("Pemilihan", "Pilkada Uji")],
            paragraphs=["Paragraf uji."],
            issued_by=None,
            subject=Subject.of("case", 1),
        )
    return document.number


def _wipe() -> None:
    """Drop the database and the stored files, as a lost server would."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        name = Path(connection.settings_dict["NAME"])
        connection.close()
        for path in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
            path.unlink(missing_ok=True)
    shutil.rmtree(settings.MEDIA_ROOT)
    Path(settings.MEDIA_ROOT).mkdir()


def _tampered(source: Path, target: Path) -> Path:
    with tarfile.open(source) as original, tarfile.open(target, "w") as copy:
        for info in original.getmembers():
            data = original.extractfile(info).read()  # type: ignore[union-attr]
            if info.name.startswith("blobs/"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))
    return target


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_round_trip(elections: None, tmp_path: Path) -> None:
    codes = [_submit(True), _submit(False, anonymous=True, reporter=None), _submit(True)]
    numbers = [_issue(), _issue()]
    evidence = Evidence.objects.count()
    assert evidence == 2 and Reporter.objects.count() == 2

    archive = tmp_path / "netral.tar"
    call_command("backup", str(archive))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    # Both copies of each photo and both PDFs, sealed as stored; no plaintext in the archive.
    assert sum(name.startswith("blobs/") for name in names) == 2 * evidence + len(numbers)
    assert "manifest.json" in names

    # Onto a working installation: refused, nothing touched.
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(archive))

    _wipe()
    assert connection.introspection.table_names() == []
    # A damaged archive is refused before anything is written.
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("restore", str(_tampered(archive, tmp_path / "rusak.tar")))
    assert connection.introspection.table_names() == []

    call_command("restore", str(archive))
    for code in codes:
        assert report_find_by_code(code=code) is not None
    for number in numbers:
        document = IssuedDocument.objects.get(number=number)
        assert document_verify_bytes(data=document_pdf(document=document)).genuine
    assert Evidence.objects.count() == evidence
    assert all(blobs.exists(ref) for ref in Evidence.objects.values_list("clean_path", flat=True))
    call_command("storage_check")  # storage and rows agree (raises otherwise)


def _archive_with(path: Path, **manifest: Any) -> Path:
    body = json.dumps({"format": "netral-backup/1", "members": {}, **manifest}).encode()
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    return path


def test_restore_needs_the_keys_of_the_backup(tmp_path: Path) -> None:
    archive = _archive_with(tmp_path / "lain.tar", engine=connection.vendor, field_key="0" * 64)
    with pytest.raises(CommandError, match="NETRAL_FIELD_KEY"):
        call_command("restore", str(archive))


def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"bukan arsip")
    with pytest.raises(CommandError, match="bukan arsip cadangan"):
        call_command("restore", str(junk))
