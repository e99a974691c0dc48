"""One submission's files share a cleaning time budget (``NETRAL_SCRUB_BUDGET_SECONDS``): ten
files at up to ``MAX_SCRUB_SECONDS`` each would hold a worker for 100 s. Spent, the upload is
refused naming the file where it ran out, before anything is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from netral.reports import evidence
from netral.reports.models import Report
from netral.reports.tests import files
from netral.reports.tests.apis.test_submit_api import post_with_files

pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


def _stored(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


class _Clock:
    """A monotonic clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.at = 0.0

    def monotonic(self) -> float:
        self.at += 1.0
        return self.at


def test_spent_budget_names_the_file_and_stores_nothing(
    client: Client, media: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.NETRAL_SCRUB_BUDGET_SECONDS = 1.5
    monkeypatch.setattr(evidence, "time", _Clock())
    uploads = [("satu.docx", files.office_document()), ("dua.docx", files.office_document())]
    response = post_with_files(client, uploads)
    assert response.status_code == 400, response.content
    assert response.json()["field"] == "files"
    detail = response.json()["detail"]
    assert "dua.docx" in detail and "satu.docx" not in detail and "1,5 detik" in detail
    assert not Report.objects.exists() and _stored(media) == []


def test_no_budget_left_refuses_at_the_first_file_in_english_too(
    client: Client, media: Path, settings: Any
) -> None:
    settings.NETRAL_SCRUB_BUDGET_SECONDS = 0
    uploads = [("foto.jpg", files.jpeg_with_exif()), ("ba.pdf", files.pdf_with_metadata())]
    response = post_with_files(client, uploads)
    assert response.status_code == 400
    assert "habis pada berkas foto.jpg" in response.json()["detail"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = post_with_files(client, uploads)
    assert english.status_code == 400
    assert "ran out at file foto.jpg" in english.json()["detail"]
    assert not Report.objects.exists() and _stored(media) == []


def test_default_budget_accepts_an_ordinary_report(client: Client, media: Path) -> None:
    uploads = [("foto.jpg", files.jpeg_with_exif()), ("ba.pdf", files.pdf_with_metadata())]
    assert post_with_files(client, uploads).status_code == 201
    assert Report.objects.get().evidence.count() == 2
