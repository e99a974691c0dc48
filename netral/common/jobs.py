"""Periodic jobs of the blob store (run by ``manage.py scheduler``)."""

import datetime
import io

from django.core.management import call_command

from netral.common import schedule


def storage_check() -> str:
    """``manage.py storage_check``: fails (with its problem count) when storage and rows
    disagree; the problems themselves are what the command prints."""
    out = io.StringIO()
    call_command("storage_check", stdout=out)
    return "storage and rows agree"


schedule.register(
    "common.storage_check",
    storage_check,
    at=datetime.time(2, 0),
    summary="Periksa penyimpanan berkas terenkripsi",
)
