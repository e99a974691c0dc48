"""The public open data page and files: aggregates only, cells from 1 to 4 shown as "<5"."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from netral.analytics.opendata import suppress
from netral.analytics.tests.conftest import REPORTED_NAMES, SPECS, build

pytestmark = pytest.mark.django_db


def test_suppress() -> None:
    assert [suppress(n) for n in (0, 1, 4, 5, 120)] == [0, "<5", "<5", 5, 120]


def test_small_cells_are_suppressed_everywhere(dataset: Any, client: Client) -> None:
    # Five more reports like E in Purbalingga: 6 there, so that count is shown as is.
    build({f"E{i}": SPECS["E"] for i in range(5)})
    page = client.get("/statistik/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<tr data-key="foto_gestur_keberpihakan">' in html
    row = html.split('<tr data-key="foto_gestur_keberpihakan">', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">&lt;5</td>' in row
    assert client.get("/statistik/", {"region": "33.03"}).status_code == 200
    for name in REPORTED_NAMES:
        assert name not in html

    body = client.get("/statistik/data.json", {"region": "33"}).json()
    assert body["tables"]["by_type"]["kampanye_media_sosial"] == 6
    assert body["tables"]["by_type"]["menghadiri_deklarasi"] == 0
    national = client.get("/statistik/data.json").json()
    assert national["tables"]["by_type"]["foto_gestur_keberpihakan"] == "<5"
    assert national["tables"]["regions"]["32"] == 5
    assert national["tables"]["regions"]["11"] == 0

    text = client.get("/statistik/data.csv").content.decode("utf-8-sig")
    rows = {(r["table"], r["code"]): r["value"] for r in csv.DictReader(io.StringIO(text))}
    assert rows[("by_type", "menghadiri_deklarasi")] == "<5"
    # Three ones beside it: shown, the 8 would give away that each of them is 1.
    assert rows[("by_type", "kampanye_media_sosial")] == "x"
    values = set(rows.values())
    assert values <= {"<5", "x", "0"} | {str(n) for n in range(5, 1000)}
    for name in REPORTED_NAMES:
        assert name not in text


def test_unknown_region_is_404(elections: Any, client: Client) -> None:
    assert client.get("/statistik/", {"region": "77"}).status_code == 404
    assert client.get("/statistik/data.json", {"region": "77"}).status_code == 404
