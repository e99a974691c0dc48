"""Key rotation: everything sealed under the old key is readable with the new key alone."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from netral.audit.models import AuditEntry
from netral.reports.models import Evidence, Reporter
from netral.reports.storage import evidence_read
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections")

OLD = "b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleSE="
NEW = "UjNYt4kLq0cQ0qkJm3vSx6i1sH2R0D3u8z9cP1yWq5E="


def raw_reporter_name(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM reports_reporter WHERE id = %s", [pk])
        value: str = cursor.fetchone()[0]
    return value


def test_rotation_rewrites_fields_and_files(client: Client, settings: Any) -> None:
    settings.NETRAL_FIELD_KEYS = [OLD]
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = "bukti.jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [photo]})
    assert response.status_code == 201
    reporter = Reporter.objects.get()
    before_raw = raw_reporter_name(reporter.pk)
    evidence = Evidence.objects.get()
    original = evidence_read(evidence.original_path)

    settings.NETRAL_FIELD_KEYS = [NEW, OLD]
    out = io.StringIO()
    call_command("rotate_field_key", stdout=out)
    assert "reports.Reporter.name: 1" in out.getvalue()
    assert AuditEntry.objects.filter(action="crypto.rotate").exists()

    settings.NETRAL_FIELD_KEYS = [NEW]  # the old key is gone
    assert raw_reporter_name(reporter.pk) != before_raw
    assert Reporter.objects.get().name == "Rina Kartika"
    rotated = Evidence.objects.get()
    assert rotated.original_path != evidence.original_path
    assert evidence_read(rotated.original_path) == original
    assert evidence_read(rotated.clean_path)

    # A second run finds nothing left to do.
    out = io.StringIO()
    call_command("rotate_field_key", stdout=out)
    assert "reports.Reporter.name: 0" in out.getvalue() and "berkas: 0" in out.getvalue()
