"""Evidence is processed in a bounded way: count and size limits before any cleaning, hostile
documents refused with a reason on the API, nothing stored for a refused upload."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from netral.reports import scrub_package
from netral.reports.evidence import EvidenceRejected
from netral.reports.forms import ReportForm
from netral.reports.models import Evidence, Message, Report
from netral.reports.services import report_submit, reporter_message_post
from netral.reports.tests import files
from netral.reports.tests.apis.test_submit_api import post_with_files

pytestmark = pytest.mark.usefixtures("elections", "media")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


@pytest.fixture
def cleanings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many documents the package cleaner was asked to clean (it still cleans them)."""
    calls: list[int] = []
    real = scrub_package.package_clean

    def counting(data: bytes, **kwargs: Any) -> bytes:
        calls.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(scrub_package, "package_clean", counting)
    return calls


def _form() -> ReportForm:
    known = timezone.localdate() - datetime.timedelta(days=1)
    form = ReportForm(
        {
            "region": "32.75",
            "reported_name": "Drs. Bambang Wijaya",
            "agency": "Dinas Pendidikan",
            "chronology": "Terlapor mengunggah foto kampanye pasangan calon di akun pribadinya.",
            "event_date": str(known - datetime.timedelta(days=1)),
            "known_date": str(known),
            "anonymous": "on",
        }
    )
    assert form.is_valid(), form.errors
    return form


def _uploads(make: Callable[[], bytes], count: int) -> Sequence[SimpleUploadedFile]:
    return [SimpleUploadedFile(f"bukti-{i}.docx", make()) for i in range(count)]


def _stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_eleven_files_are_refused_before_any_is_cleaned(cleanings: list[int], media: Path) -> None:
    with pytest.raises(EvidenceRejected) as caught:
        report_submit(form=_form(), files=_uploads(files.office_document, 11), channel="web")

    assert caught.value.message == "Terlalu banyak berkas: paling banyak 10 berkas per laporan."
    assert cleanings == []
    assert not Report.objects.exists() and not Evidence.objects.exists()
    assert _stored_files(media) == []


def test_files_over_the_limit_with_earlier_evidence_are_refused_before_cleaning(
    cleanings: list[int], media: Path
) -> None:
    report = report_submit(
        form=_form(), files=_uploads(files.office_document, 9), channel="web"
    ).report
    assert len(cleanings) == 9
    stored = _stored_files(media)
    cleanings.clear()

    with pytest.raises(EvidenceRejected, match="paling banyak 10 berkas"):
        reporter_message_post(
            report=report, body="Dua bukti lagi.", files=_uploads(files.office_document, 2)
        )

    assert cleanings == []
    assert report.evidence.count() == 9 and not Message.objects.exists()
    assert _stored_files(media) == stored


def test_the_tenth_file_is_still_accepted(cleanings: list[int]) -> None:
    report = report_submit(
        form=_form(), files=_uploads(files.office_document, 9), channel="web"
    ).report
    reporter_message_post(report=report, body="", files=_uploads(files.office_document, 1))
    assert report.evidence.count() == 10 and len(cleanings) == 10


@pytest.mark.parametrize(
    ("name", "make", "detail"),
    [
        ("bom.docx", files.zip_bomb_docx, "Dokumen bom.docx terlalu besar setelah diekstrak."),
        (
            "tawa.docx",
            lambda: files.docx_with_document(files.BILLION_LAUGHS),
            "Dokumen tawa.docx memuat deklarasi DTD atau entitas XML, yang tidak diterima; "
            "simpan ulang dari aplikasi Office.",
        ),
    ],
    ids=["zip-bomb", "billion-laughs"],
)
def test_api_refuses_hostile_documents_with_a_json_reason(
    client: Client, media: Path, name: str, make: Callable[[], bytes], detail: str
) -> None:
    response = post_with_files(client, [(name, make())])

    assert response.status_code == 400
    assert response.json()["detail"] == detail
    assert response.json()["field"] == "files"
    assert not Report.objects.exists() and _stored_files(media) == []


def test_api_accepts_the_docx_that_froze_the_server(client: Client) -> None:
    response = post_with_files(client, [("a.docx", files.hostile_docx(80_000))])
    assert response.status_code == 201, response.content
    evidence = Evidence.objects.get()
    assert evidence.kind == "docx" and evidence.has_clean_copy
