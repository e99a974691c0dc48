"""Names and free text in a report are stored without bidi controls or zero-width characters."""

from __future__ import annotations

import pytest
from django.test import Client

from netral.reports.models import Report
from netral.reports.tests.apis.test_submit_api import post_json, valid

pytestmark = pytest.mark.usefixtures("elections")


def test_report_names_are_stored_without_invisible_characters(client: Client) -> None:
    body = valid(
        reported_name="Bam\u200bbang \u202eajiW\u202c",
        agency="Dinas\u200d Pendidikan",
        chronology="Terlapor\u2066 mengunggah foto kampanye\u200b di akun pribadinya.\nDua kali.",
        reporter={**valid()["reporter"], "name": "Ri\ufeffna\u200f Kartika"},
    )
    response = post_json(client, body)
    assert response.status_code == 201, response.json()
    report = Report.objects.get()
    assert report.reported_name == "Bambang ajiW"
    assert report.agency == "Dinas Pendidikan"
    assert report.chronology == "Terlapor mengunggah foto kampanye di akun pribadinya.\nDua kali."
    assert report.reporter.name == "Rina Kartika"


def test_a_name_made_only_of_invisible_characters_is_missing(client: Client) -> None:
    response = post_json(client, valid(reported_name="\u200b\u202e\u200d"))
    assert response.status_code == 422
    assert response.json()["field"] == "reported_name"
