"""Item 7 on the demo data: backup, wipe, restore, and the demo's receipt codes resolve, its
official documents verify and every table holds what it held (a small demo set, same loader
as ``make demo``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from netral.demo.data import demo_data_load
from netral.documents.models import IssuedDocument
from netral.documents.services import document_pdf, document_verify_bytes
from netral.operations.tests.test_backup import _wipe
from netral.reports.selectors import report_find_by_code


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


@pytest.mark.django_db(transaction=True)
def test_the_demo_data_round_trips(elections: None, settings: Any, tmp_path: Path) -> None:
    settings.DEBUG = True
    summary = demo_data_load(seed=3, reports=120)
    codes = [item.code for item in summary.tracking]
    issued = IssuedDocument.objects.exclude(path="")  # rendered, not pending
    numbers = sorted(issued.values_list("number", flat=True))
    # The demo's receipt codes and its rendered official PDFs (its blobs): something to lose.
    assert codes and numbers
    before = _counts()

    archive = tmp_path / "demo.tar"
    call_command("backup", str(archive))
    _wipe()
    assert connection.introspection.table_names() == []
    call_command("restore", str(archive))

    assert _counts() == before
    for code in codes:
        assert report_find_by_code(code=code) is not None, code
    restored = IssuedDocument.objects.filter(number__in=numbers).exclude(path="")
    assert restored.count() == len(numbers)
    for document in restored:
        assert document_verify_bytes(data=document_pdf(document=document)).genuine, document
    call_command("storage_check")  # every blob there, decrypts, has its SHA-256
