"""CSV and XLSX files of the dashboard tables and of the filtered case list.

A table is a header and rows of plain values, so the page, the CSV and the XLSX show the
same numbers. The case list streams (CSV) or is written row by row (XLSX, write-only mode),
so a large export never holds every case in memory. No export carries a reporter's identity
or a reported person's name.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from netral.analytics.selectors import Dashboard
from netral.cases.models import Case

Cell = str | int | float | None
Sheet = tuple[list[str], list[list[Cell]]]

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TABLE_UNKNOWN = "Tabel '{key}' tidak dikenal."
FORMATS = ("csv", "xlsx")


def dashboard_sheet(dashboard: Dashboard, key: str) -> Sheet:
    """One dashboard table as header and rows; ``regions`` and ``totals`` included.

    Raises ``KeyError`` for an unknown table.
    """
    if key == "totals":
        t = dashboard.totals
        rows: list[list[Cell]] = [
            [_("Laporan"), t.reports],
            [_("Temuan"), t.findings],
            [_("Kasus"), t.cases],
            [_("Diregistrasi"), t.registered],
            [_("Diputus pleno"), t.decided],
            [_("Terbukti pelanggaran"), t.violations],
            [_("Masih ditangani"), t.open],
            [_("Melewati tenggat"), t.overdue],
            [_("Rata-rata hari sampai putusan"), t.days_to_decision],
        ]
        return [_("Ukuran"), _("Nilai")], rows
    if key == "regions":
        header = [
            _("Kode"),
            _("Wilayah"),
            _("Laporan"),
            _("Temuan"),
            _("Diputus"),
            _("Terbukti pelanggaran"),
            _("Persentase terbukti"),
        ]
        return header, [
            [r.code, r.name, r.reports, r.findings, r.decided, r.violations, r.violation_rate]
            for r in dashboard.regions
        ]
    table = dashboard.table(key)
    return [_("Kode"), table.title, _("Jumlah")], [[r.key, r.label, r.count] for r in table.rows]


class _Echo:
    """A file-like object whose ``write`` returns the line, for a streaming CSV writer."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # A byte-order mark so that spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(["" if cell is None else cell for cell in row])


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def csv_table_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> HttpResponse:
    """A small table (a dashboard table, the open data set) in one piece."""
    response = HttpResponse(
        "".join(_csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_bytes(sheets: Sequence[tuple[str, Sheet]]) -> bytes:
    workbook = Workbook(write_only=True)
    for title, (header, rows) in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, sheets: Sequence[tuple[str, Sheet]]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


CASE_HEADER = (
    "id",
    "register_number",
    "origin",
    "office_region",
    "office_region_name",
    "election",
    "status",
    "violation_type",
    "verdicts",
    "received_at",
    "registered_at",
    "decided_at",
    "due_at",
)


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""


def case_export_rows(cases: QuerySet[Case]) -> Iterator[list[Cell]]:
    """The case list's columns, read in chunks (no names, no reporter data)."""
    rows = cases.select_related("office_region", "election").order_by("pk")
    for case in rows.iterator(chunk_size=2000):
        yield [
            case.pk,
            case.register_number or "",
            case.origin,
            case.office_region_id,
            case.office_region.name,
            case.election.name,
            case.status,
            case.violation_type,
            " ".join(case.verdicts or []),
            _iso(case.received_at),
            _iso(case.registered_at),
            _iso(case.decided_at),
            _iso(case.due_at),
        ]


def case_export_xlsx(cases: QuerySet[Case]) -> HttpResponse:
    """Built row by row in write-only mode; the file itself is returned whole."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="kasus")
    sheet.append(list(CASE_HEADER))
    for row in case_export_rows(cases):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="kasus.xlsx"'
    return response
