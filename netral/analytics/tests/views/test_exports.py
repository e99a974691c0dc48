"""Exports: the XLSX and CSV of a dashboard table carry the page's numbers; the case list
export has no names."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from openpyxl import load_workbook

from conftest import SignIn
from netral.analytics.tests.conftest import REPORTED_NAMES

pytestmark = pytest.mark.django_db


def _page_counts(html: str, table: str) -> dict[str, int]:
    block = html.split(f'data-table="{table}"', 1)[1].split("</tbody>", 1)[0]
    return {
        key: int(count)
        for key, count in re.findall(r'<tr data-key="([^"]+)">.*?data-count="(\d+)"', block, re.S)
    }


def test_xlsx_export_has_the_page_numbers(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_leader")
    html = client.get("/ruang-kerja/statistik/", {"region": "32"}).content.decode()
    for table in ("by_type", "by_position_class", "by_stage", "regions"):
        response = client.get(f"/ruang-kerja/statistik/ekspor/{table}.xlsx", {"region": "32"})
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        rows = list(sheet.iter_rows(values_only=True))[1:]
        exported = {str(r[0]): int(str(r[2])) for r in rows}
        assert exported == _page_counts(html, table), table


def test_csv_export_and_all_tables_workbook(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_staff")
    text = client.get("/ruang-kerja/statistik/ekspor/by_type.csv").content.decode("utf-8-sig")
    rows = {row[0]: row[2] for row in csv.reader(io.StringIO(text))}
    assert rows["kampanye_media_sosial"] == "3"
    workbook = load_workbook(
        io.BytesIO(client.get("/ruang-kerja/statistik/ekspor/all.xlsx").content)
    )
    assert {"totals", "by_type", "regions", "by_week"} <= set(workbook.sheetnames)
    assert client.get("/ruang-kerja/statistik/ekspor/nope.csv").status_code == 404
    assert client.get("/ruang-kerja/statistik/ekspor/all.csv").status_code == 404


def test_case_list_export_is_filtered_scoped_and_nameless(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bawaslu_staff", "32")
    response = client.get("/ruang-kerja/statistik/ekspor-kasus.csv", {"status": "decided"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[attr-defined]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["office_region"] for r in rows} == {"32.75"}
    assert sorted(r["verdicts"] for r in rows) == ["asn_neutrality", "no_violation"]
    for name in REPORTED_NAMES:
        assert name not in text
    workbook = load_workbook(
        io.BytesIO(client.get("/ruang-kerja/statistik/ekspor-kasus.xlsx").content)
    )
    assert workbook.active is not None
    assert workbook.active.max_row == 1 + 5  # every case of Jawa Barat, header first
    assert (
        client.get("/ruang-kerja/statistik/ekspor-kasus.csv", {"region": "33"}).status_code == 404
    )


def test_bkn_may_export_tables_but_not_the_case_list(dataset: Any, sign_in: SignIn) -> None:
    client, _user = sign_in("bkn")
    assert client.get("/ruang-kerja/statistik/ekspor/by_type.csv").status_code == 200
    assert client.get("/ruang-kerja/statistik/ekspor-kasus.csv").status_code == 403
