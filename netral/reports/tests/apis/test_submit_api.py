"""POST /api/reports: the contract, and every class of bad input refused with a reason."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Sequence
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from netral.audit.models import AuditEntry
from netral.reports.models import Evidence, Report, Reporter
from netral.reports.tests.files import jpeg_with_exif as jpeg_with_gps

pytestmark = pytest.mark.usefixtures("elections")


def valid(**overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    body: dict[str, Any] = {
        "region": "32.75",
        "reported_name": "Drs. Bambang Wijaya",
        "reported_nip": "198503172010011004",
        "agency": "Dinas Pendidikan Kota Bekasi",
        "position": "Kepala Bidang",
        "violation_type": None,
        "event_date": str(today - datetime.timedelta(days=2)),
        "known_date": str(today - datetime.timedelta(days=1)),
        "chronology": (
            "Terlapor mengunggah foto kampanye pasangan calon di akun Instagram pribadinya."
        ),
        "candidate_pair": "Paslon 02",
        "witnesses": ["Ani (0812xxxx)"],
        "links": ["https://instagram.com/p/xyz"],
        "anonymous": False,
        "reporter": {
            "name": "Rina Kartika",
            "nik": "3275015703900001",
            "address": "Jl. Ahmad Yani 1, Bekasi",
            "phone": "081234567890",
            "email": "rina@example.org",
        },
    }
    body.update(overrides)
    return body


def post_json(client: Client, body: Any) -> Any:
    return client.post("/api/reports", json.dumps(body), content_type="application/json")


def post_with_files(client: Client, uploads: Sequence[tuple[str, bytes]], **headers: Any) -> Any:
    """An anonymous report (``valid``) sent as multipart with ``uploads`` (name, bytes)."""
    body = valid(anonymous=True, reporter=None)
    sent = [SimpleUploadedFile(name, data) for name, data in uploads]
    return client.post("/api/reports", {"report": json.dumps(body), "files": sent}, **headers)


def test_identified_report_is_a_laporan_with_deadlines(client: Client) -> None:
    response = post_json(client, valid())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert len(body["receipt_code"]) == 16 and body["receipt_code"].isdigit()
    assert body["kind"] == "laporan" and body["late"] is False
    assert [d["code"] for d in body["deadlines"]] == [
        "tindak_lanjut",
        "tindak_lanjut_keterangan_tambahan",
    ]
    report = Report.objects.get()
    assert report.election.region_id == "32.75"
    assert report.links == ["https://instagram.com/p/xyz"]
    assert report.reporter.name == "Rina Kartika"
    assert body["receipt_code"] not in json.dumps(list(Report.objects.values()), default=str)
    entry = AuditEntry.objects.get(action="report.submit")
    assert "Rina" not in json.dumps(entry.after)


def test_anonymous_report_is_information_without_identity(client: Client) -> None:
    response = post_json(client, valid(anonymous=True, reporter=None))
    assert response.status_code == 201
    assert response.json()["kind"] == "informasi"
    assert response.json()["deadlines"] == []
    assert not Reporter.objects.exists()


def test_late_report_is_accepted_with_a_warning(client: Client) -> None:
    old = str(timezone.localdate() - datetime.timedelta(days=30))
    response = post_json(client, valid(event_date=old, known_date=old))
    assert response.status_code == 201
    assert response.json()["late"] is True and "batas waktu" in response.json()["warning"]


def test_multipart_with_a_photo(client: Client) -> None:
    photo = io.BytesIO(jpeg_with_gps())
    photo.name = "bukti.jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [photo]})
    assert response.status_code == 201, response.json()
    evidence = Evidence.objects.get()
    assert evidence.kind == "jpeg" and evidence.has_clean_copy
    assert default_storage.exists(evidence.original_path)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"reported_name": ""}, "reported_name"),
        ({"region": "99.99"}, "region"),
        ({"reported_nip": "12345"}, "reported_nip"),
        ({"reported_nip": "198502302010011004"}, "reported_nip"),
        ({"event_date": "kemarin"}, "event_date"),
        ({"known_date": "2019-01-01", "event_date": "2020-01-01"}, "known_date"),
        ({"reporter": None}, "reporter.name"),
        ({"reporter": {"name": "A", "address": "B"}}, "reporter.phone"),
        ({"reporter": {"name": "A", "address": "B", "email": "bukan-email"}}, "reporter.email"),
        ({"links": ["javascript:alert(1)"]}, "links"),
        ({"violation_type": "tidak_ada"}, "violation_type"),
        ({"anonymous": "ya"}, "anonymous"),
        ({"surprise": 1}, "surprise"),
        ({"chronology": "pendek"}, "chronology"),
    ],
)
def test_bad_fields_are_named(client: Client, overrides: dict[str, Any], field: str) -> None:
    response = post_json(client, valid(**overrides))
    assert 400 <= response.status_code < 500
    assert response.json()["field"] == field
    assert response.json()["detail"]
    assert not Report.objects.exists()


def test_malformed_json_and_wrong_shapes(client: Client) -> None:
    for body in ("{not json", "[1, 2]", '"text"'):
        response = client.post("/api/reports", body, content_type="application/json")
        assert response.status_code == 400 and response.json()["detail"]
    response = client.post("/api/reports", "a=b", content_type="text/plain")
    assert response.status_code == 415
    assert not Report.objects.exists()


def test_ten_thousand_fields_are_refused(client: Client) -> None:
    fields = {f"f{i}": "x" for i in range(10_000)}
    response = client.post("/api/reports", {"report": json.dumps(valid()), **fields})
    assert response.status_code == 400 and response.json()["detail"]
    response = post_json(client, valid(**fields))
    assert response.status_code == 422 and "Kolom tidak dikenal" in response.json()["detail"]
    assert not Report.objects.exists()


def _upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("foto.jpg", b"MZ\x90\x00" + b"\x00" * 200, "program"),
        ("kosong.jpg", b"", "kosong"),
        ("acak.pdf", bytes(range(256)) * 4, "tidak didukung"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    client: Client, name: str, data: bytes, message: str
) -> None:
    good = _upload("bukti.jpg", jpeg_with_gps())
    response = client.post(
        "/api/reports", {"report": json.dumps(valid()), "files": [good, _upload(name, data)]}
    )
    assert response.status_code == 400
    assert message in response.json()["detail"].lower() and response.json()["field"] == "files"
    assert not Report.objects.exists() and not Evidence.objects.exists()


def test_oversized_file_is_refused(client: Client, settings: Any) -> None:
    big = _upload("besar.jpg", jpeg_with_gps() + b"\x00" * (21 * 1024 * 1024))
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [big]})
    assert response.status_code == 400
    assert "MB" in response.json()["detail"]
    assert not Report.objects.exists()


def test_missing_report_part(client: Client) -> None:
    response = client.post("/api/reports", {"files": [_upload("a.jpg", jpeg_with_gps())]})
    assert response.status_code == 400 and response.json()["field"] == "report"
