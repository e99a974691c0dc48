"""Import of findings from the XLSX template: template, row errors in Indonesian, all or
nothing, jurisdiction and role, audit, and the self-refreshing status page."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from conftest import SignIn
from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError
from netral.reports import finding_import
from netral.reports.finding_import import (
    COLUMNS,
    EXAMPLE_ROW,
    FILE_NOT_XLSX,
    SHEET,
    finding_import_run,
    finding_import_start,
    import_template,
)
from netral.reports.findings import OUTSIDE_JURISDICTION
from netral.reports.models import ImportJob, Report

pytestmark = pytest.mark.usefixtures("elections")

MakeUser = Callable[..., User]
HEADERS = [c.header for c in COLUMNS]


def row(**values: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "Kode wilayah": "32.75",
        "Sumber temuan": "Patroli lapangan",
        "Nama terlapor": "Budi Santoso, S.Pd.",
        "Instansi": "Dinas Pendidikan Kota Bekasi",
        "Jabatan": "Guru SD Negeri 3 Bekasi",
        "Jenis pelanggaran": "kampanye_media_sosial",
        "Kronologi": "Terlapor mengunggah ajakan memilih pasangan calon nomor urut 02.",
        "Tanggal kejadian": datetime.date(2024, 10, 20),
        "Tanggal diketahui": "21-10-2024",
    }
    base.update(values)
    return base


def workbook(*rows: dict[str, Any], headers: list[str] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(headers)
    for values in rows:
        sheet.append([values.get(h) for h in headers])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(content: bytes, name: str = "temuan.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def run(actor: User, content: bytes) -> ImportJob:
    job = finding_import_start(actor=actor, upload=upload(content))
    return finding_import_run(job_id=job.pk)


def test_template_has_headers_example_and_instructions() -> None:
    book = load_workbook(io.BytesIO(import_template()))
    assert book.sheetnames == [SHEET, "Petunjuk", "Kode wilayah"]
    sheet = book[SHEET]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet["A2"].value == "32.75" and sheet["A2"].number_format == "@"
    instructions = " ".join(str(c.value) for r in book["Petunjuk"].iter_rows() for c in r)
    assert "kampanye_media_sosial" in instructions and "Patroli lapangan" in instructions
    codes = [r[0] for r in book["Kode wilayah"].iter_rows(min_row=2, values_only=True)]
    assert "32.75" in codes and "96" in codes


def test_valid_rows_are_all_imported_with_cases_and_audit(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    content = workbook(
        row(),
        row(**{"Kode wilayah": 32.75, "Nama terlapor": "Siti Rahmawati", "Jenis pelanggaran": ""}),
        row(**{"Sumber temuan": "media_report", "NIP terlapor": "198806072017111610"}),
    )
    job = run(staff, content)
    assert job.status == ImportJob.Status.DONE, job.errors
    assert (job.imported, job.processed, job.total, job.errors) == (3, 3, 3, [])
    assert bytes(ImportJob.objects.get(pk=job.pk).content) == b""
    findings = Report.objects.filter(kind=Report.Kind.TEMUAN).order_by("pk")
    assert findings.count() == 3
    assert all(f.case_id and f.created_by == staff and f.region_id == "32.75" for f in findings)
    assert [f.finding_source for f in findings] == ["field_patrol", "field_patrol", "media_report"]
    assert findings[0].known_date == datetime.date(2024, 10, 21)
    assert findings[2].reported_nip == "198806072017111610"
    assert AuditEntry.objects.filter(action="finding.register").count() == 3
    assert AuditEntry.objects.filter(action="finding.import").count() == 1


def test_row_errors_name_row_and_column_and_nothing_is_imported(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    example = {c.header: c.example for c in COLUMNS}
    content = workbook(
        row(),
        row(**{"Nama terlapor": None}),
        row(**{"Kode wilayah": "11.71"}),
        row(**{"Sumber temuan": "kabar burung"}),
        row(**{"Tanggal kejadian": "2024-10-22", "Tanggal diketahui": "2024-10-20"}),
        example,
    )
    job = run(staff, content)
    assert job.status == ImportJob.Status.FAILED
    assert job.imported == 0 and not Report.objects.exists()
    errors = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert errors[(3, "Nama terlapor")] == "Bidang ini tidak boleh kosong."
    assert errors[(4, "Kode wilayah")] == OUTSIDE_JURISDICTION
    assert "kabar burung" in errors[(5, "Sumber temuan")]
    assert errors[(6, "Tanggal diketahui")].startswith("Tanggal diketahui tidak boleh")
    assert errors[(7, "—")] == EXAMPLE_ROW
    assert 2 not in {e["row"] for e in job.errors}


def test_a_failure_while_storing_undoes_every_finding(
    make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = make_user("bawaslu_staff", "32")
    real = finding_import.finding_register
    calls = []

    def flaky(**kwargs: Any) -> Report:
        calls.append(1)
        if len(calls) == 2:
            raise ApplicationError("basis data sibuk")
        return real(**kwargs)

    monkeypatch.setattr(finding_import, "finding_register", flaky)
    job = run(staff, workbook(row(), row(**{"Kode wilayah": "32.16"})))
    assert job.status == ImportJob.Status.FAILED
    assert "basis data sibuk" in job.errors[0]["message"]
    assert not Report.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="finding.").exists()


def test_upload_page_runs_the_task_and_shows_the_result(
    sign_in: SignIn, django_capture_on_commit_callbacks: Any
) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    page = client.get(reverse("reports_staff:finding_import"))
    assert page.status_code == 200 and "Unduh templat XLSX" in page.content.decode()
    template = client.get(reverse("reports_staff:finding_import_template"))
    assert template.status_code == 200 and template.content[:2] == b"PK"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports_staff:finding_import"), {"file": upload(workbook(row(), row()))}
        )
    assert response.status_code == 302
    status = client.get(response["Location"])
    body = status.content.decode()
    assert status.status_code == 200
    assert "2 temuan diimpor" in body and 'http-equiv="refresh"' not in body
    assert Report.objects.filter(kind=Report.Kind.TEMUAN).count() == 2


def test_errors_are_listed_on_the_status_page(
    sign_in: SignIn, django_capture_on_commit_callbacks: Any
) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports_staff:finding_import"),
            {"file": upload(workbook(row(**{"Kronologi": "pendek"})))},
        )
    body = client.get(response["Location"]).content.decode()
    assert "Tidak ada temuan yang diimpor" in body
    assert "<td>2</td><td>Kronologi</td>" in body


def test_a_running_import_refreshes_itself(sign_in: SignIn) -> None:
    client, user = sign_in("bawaslu_staff", "32.75")
    job = ImportJob.objects.create(
        created_by=user, created_at=timezone.now(), file_name="besar.xlsx", total=400, processed=100
    )
    page = client.get(reverse("reports_staff:finding_import_status", args=[job.public_id]))
    body = page.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in body and "100 / 400" in body
    assert "<script" not in body.split("</head>")[1]


def test_not_an_xlsx_file_is_refused(sign_in: SignIn) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    response = client.post(
        reverse("reports_staff:finding_import"), {"file": upload(b"nama,instansi\n", "a.xlsx")}
    )
    assert response.status_code == 400 and FILE_NOT_XLSX in response.content.decode()
    assert not ImportJob.objects.exists()


def test_missing_required_header_is_a_file_error(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    with pytest.raises(ApplicationError, match="Nama terlapor"):
        finding_import_start(
            actor=staff,
            upload=upload(workbook(row(), headers=[h for h in HEADERS if h != "Nama terlapor"])),
        )


def test_wrong_role_is_403_and_another_users_job_is_404(
    sign_in: SignIn, make_user: MakeUser
) -> None:
    kpu, _ = sign_in("kpu", "32.75")
    assert kpu.get(reverse("reports_staff:finding_import")).status_code == 403
    owner = make_user("bawaslu_staff", "32.75")
    job = run(owner, workbook(row()))
    other, _ = sign_in("bawaslu_staff", "32.75")
    url = reverse("reports_staff:finding_import_status", args=[job.public_id])
    assert other.get(url).status_code == 404


def test_a_zip_bomb_is_refused_before_parsing(
    make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finding_import, "MAX_UNPACKED_BYTES", 1000)
    staff = make_user("bawaslu_staff", "32.75")
    with pytest.raises(ApplicationError, match="terlalu besar"):
        finding_import_start(actor=staff, upload=upload(workbook(row())))
