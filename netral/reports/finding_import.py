"""Import of findings (temuan) from the XLSX template: all rows or none.

Every row is checked by ``FindingForm``, the validator of the finding page, and its region
must lie inside the importer's jurisdiction. Only when every row passes are the findings
stored, each through ``finding_register`` (case opened, audit entry), in one transaction.
The work runs as a background task; the job records its progress for the status page.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from netral.accounts.models import User
from netral.accounts.permissions import covers, has_capability, require
from netral.audit.services import audit_deferred, audit_record
from netral.common.errors import ApplicationError, NotFound
from netral.elections.models import Election
from netral.regions.models import Region
from netral.reports.findings import OUTSIDE_JURISDICTION, FindingForm, finding_register
from netral.reports.models import ImportJob, Report
from netral.reports.subjects import PositionClass
from netral.rules.selectors import violation_type_list

MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 5_000
PROGRESS_EVERY = 25
MAX_ERRORS_KEPT = 500
SHEET = "Temuan"

FILE_MISSING = "Pilih berkas XLSX yang akan diimpor."
FILE_TOO_LARGE = "Berkas terlalu besar (paling besar 5 MB)."
FILE_NOT_XLSX = "Berkas bukan XLSX yang dapat dibaca. Gunakan templat yang disediakan."
HEADER_MISSING = "Kolom '{column}' tidak ditemukan di baris judul. Gunakan templat yang disediakan."
NO_ROWS = "Berkas tidak berisi baris temuan."
TOO_MANY_ROWS = f"Paling banyak {MAX_ROWS} baris per berkas; bagi berkas menjadi beberapa."
EXAMPLE_ROW = "Baris contoh dari templat belum dihapus."
NIP_AS_NUMBER = "NIP tertulis sebagai angka sehingga digitnya bisa berubah; ketik sebagai teks."
UNKNOWN_VALUE = "Nilai '{value}' tidak dikenal; lihat lembar Petunjuk untuk pilihan yang sah."
JOB_NOT_FOUND = "Impor tidak ditemukan."
NO_LONGER_ALLOWED = "Pengimpor tidak lagi berwenang mencatat temuan."
SAVE_FAILED = "Penyimpanan gagal, tidak ada temuan yang diimpor: {reason}"


@dataclass(frozen=True)
class Column:
    field: str  # FindingForm field
    header: str
    required: bool
    help: str
    example: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "region",
        "Kode wilayah",
        True,
        "Kode Kemendagri kabupaten/kota (32.75) atau provinsi (32)",
        "32.75",
    ),
    Column(
        "election_office",
        "Pemilihan",
        False,
        "Kosong: bupati/wali kota; 'gubernur': pemilihan gubernur",
        "",
    ),
    Column(
        "source",
        "Sumber temuan",
        True,
        "patroli lapangan, patroli siber/media sosial, atau pemberitaan media",
        "Patroli lapangan",
    ),
    Column(
        "reported_name",
        "Nama terlapor",
        True,
        "Nama ASN yang diduga melanggar",
        "Drs. Contoh Terlapor",
    ),
    Column(
        "reported_nip", "NIP terlapor", False, "18 angka, diketik sebagai teks; boleh kosong", ""
    ),
    Column(
        "agency",
        "Instansi",
        True,
        "Instansi tempat terlapor bekerja",
        "Dinas Pendidikan Kota Bekasi",
    ),
    Column("position", "Jabatan", False, "Jabatan terlapor", "Kepala Bidang Pembinaan SD"),
    Column("position_class", "Kelompok jabatan", False, "Lihat lembar Petunjuk; boleh kosong", ""),
    Column(
        "violation_type",
        "Jenis pelanggaran",
        False,
        "Kode atau nama dari lembar Petunjuk; boleh kosong",
        "kampanye_media_sosial",
    ),
    Column(
        "chronology",
        "Kronologi",
        True,
        "Apa yang terjadi (paling sedikit 20 karakter)",
        "CONTOH: terlapor mengunggah ajakan memilih pasangan calon di media sosial.",
    ),
    Column(
        "event_date",
        "Tanggal kejadian",
        True,
        "Tanggal (sel tanggal, atau teks TTTT-BB-HH / HH-BB-TTTT)",
        "2024-10-20",
    ),
    Column(
        "known_date",
        "Tanggal diketahui",
        True,
        "Tidak boleh sebelum tanggal kejadian",
        "2024-10-21",
    ),
    Column(
        "location",
        "Lokasi kejadian",
        False,
        "Alamat atau tempat kejadian",
        "Balai Kelurahan Contoh",
    ),
    Column("candidate_pair", "Pasangan calon diuntungkan", False, "Jika ada", ""),
    Column("witnesses", "Saksi", False, "Nama dan cara menghubungi, jika ada", ""),
    Column("links", "Tautan bukti", False, "Alamat web lengkap, satu per baris dalam sel", ""),
)
TEXT_COLUMNS = frozenset({"region", "reported_nip"})


class RowError(ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


# --- The template ----------------------------------------------------------------------------


def import_template() -> bytes:
    """The XLSX template: the findings sheet with headers and one example row, and the
    instructions with every accepted value."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE7F0")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = bold, fill
        example = sheet.cell(row=2, column=index, value=column.example or None)
        example.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(16, min(48, len(column.header) + 6))
        if column.field in TEXT_COLUMNS:  # "32.10" must not become the number 32.1
            for row in range(2, MAX_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    _instructions(book.create_sheet("Petunjuk"))
    _region_codes(book.create_sheet("Kode wilayah"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _instructions(sheet: Any) -> None:
    lines: list[tuple[str, str]] = [
        ("Cara mengisi", ""),
        ("1.", f"Isi satu temuan per baris di lembar '{SHEET}', mulai baris 2."),
        ("2.", "Hapus atau timpa baris contoh (baris 2) sebelum mengunggah."),
        ("3.", "Jangan ubah baris judul. Kolom wajib harus diisi."),
        ("4.", "Impor berjalan utuh: bila satu baris salah, tidak ada yang diimpor."),
        ("5.", "Wilayah setiap baris harus berada di wilayah kerja Anda."),
        ("", ""),
        ("Kolom", "Keterangan"),
    ]
    lines += [(c.header + (" (wajib)" if c.required else ""), c.help) for c in COLUMNS]
    lines += [("", ""), ("Sumber temuan", "")]
    lines += [(label, value) for value, label in _source_choices()]
    lines += [("", ""), ("Kelompok jabatan", "")]
    lines += [(str(label), value) for value, label in PositionClass.choices]
    lines += [("", ""), ("Jenis pelanggaran (kode)", "Nama")]
    lines += [(vt.code, vt.name) for vt in violation_type_list()]
    for row, (first, second) in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=first or None)
        sheet.cell(row=row, column=2, value=second or None)
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 100


def _region_codes(sheet: Any) -> None:
    sheet.append(["Kode wilayah", "Nama"])
    for code, name in Region.objects.order_by("code").values_list("code", "name"):
        sheet.append([code, name])
    sheet.column_dimensions["B"].width = 48


def _source_choices() -> list[tuple[str, str]]:
    return [
        (value, str(label))
        for value, label in Report.FindingSource.choices
        if value != Report.FindingSource.FROM_INFORMATION
    ]


# --- Reading rows ---------------------------------------------------------------------------


def _open(content: bytes) -> Any:
    """The findings sheet (or the first). An XLSX is a zip: its unpacked size is checked
    first, so a small "zip bomb" cannot fill memory (openpyxl parses XML with defusedxml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise ApplicationError(FILE_TOO_LARGE)
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ApplicationError(FILE_NOT_XLSX) from exc
    return book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]


def _rows(content: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """(Excel row number, {field: cell value}) for every non-empty row under the header."""
    sheet = _open(content)
    rows = sheet.iter_rows(values_only=True)
    header = [str(v).strip().lower() if v is not None else "" for v in next(rows, ())]
    positions: dict[str, int] = {}
    for column in COLUMNS:
        if column.header.lower() in header:
            positions[column.field] = header.index(column.header.lower())
        elif column.required:
            raise ApplicationError(HEADER_MISSING, params={"column": column.header})
    for number, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        yield (
            number,
            {field: values[i] if i < len(values) else None for field, i in positions.items()},
        )


def _count(content: bytes) -> int:
    return sum(1 for _ in _rows(content))


def _text(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        if field == "region":  # a code typed into a number cell: 32.1 was "32.10"
            return f"{value:.2f}" if not value.is_integer() else str(int(value))
        if field == "reported_nip":
            raise RowError(_header("reported_nip"), NIP_AS_NUMBER)
        return str(int(value)) if value.is_integer() else str(value)
    return str(value).strip()


def _choice(field: str, raw: str, choices: list[tuple[str, str]]) -> str:
    """A code from its code or its label, case-insensitive; unknown values are an error."""
    if not raw:
        return ""
    lowered = raw.lower()
    for value, label in choices:
        if lowered in (value.lower(), label.lower()):
            return value
    raise RowError(_header(field), UNKNOWN_VALUE.format(value=raw[:60]))


def _header(field: str) -> str:
    return next((c.header for c in COLUMNS if c.field == field), "—")


def _form_data(values: dict[str, Any]) -> dict[str, str]:
    data = {field: _text(field, value) for field, value in values.items()}
    data["source"] = _choice("source", data.get("source", ""), _source_choices())
    data["position_class"] = _choice(
        "position_class",
        data.get("position_class", ""),
        [(v, str(label)) for v, label in PositionClass.choices],
    )
    data["violation_type"] = _choice(
        "violation_type",
        data.get("violation_type", ""),
        [(vt.code, vt.name) for vt in violation_type_list()],
    )
    office = data.get("election_office", "").lower()
    data["election_office"] = Election.Office.GUBERNUR if office.startswith("gubernur") else ""
    return data


def _is_example(data: dict[str, str]) -> bool:
    example = {c.field: c.example for c in COLUMNS}
    return (
        data.get("reported_name") == example["reported_name"]
        and data.get("chronology") == example["chronology"]
    )


def row_check(
    *, actor: User, number: int, values: dict[str, Any]
) -> tuple[FindingForm | None, list[dict[str, Any]]]:
    """Validate one row: the valid form, or its errors (row, column, message)."""
    try:
        data = _form_data(values)
    except RowError as error:
        return None, [{"row": number, "column": error.column, "message": error.message}]
    if _is_example(data):
        return None, [{"row": number, "column": "—", "message": EXAMPLE_ROW}]
    form = FindingForm(data)
    if not form.is_valid():
        return None, [
            {"row": number, "column": _header(field), "message": str(message)}
            for field, messages in form.errors.items()
            for message in messages
        ]
    if not covers(actor, form.region_obj):
        return None, [{"row": number, "column": _header("region"), "message": OUTSIDE_JURISDICTION}]
    return form, []


# --- Jobs -----------------------------------------------------------------------------------


def finding_import_start(*, actor: User, upload: UploadedFile | None) -> ImportJob:
    """Check the file as a whole and queue the import; the rows are checked by the task."""
    require(actor, "finding.create")
    if upload is None:
        raise ApplicationError(FILE_MISSING, field="file")
    if (upload.size or 0) > MAX_BYTES:
        raise ApplicationError(FILE_TOO_LARGE, field="file")
    content = upload.read()
    total = _count(content)
    if total == 0:
        raise ApplicationError(NO_ROWS, field="file")
    if total > MAX_ROWS:
        raise ApplicationError(TOO_MANY_ROWS, field="file")
    with transaction.atomic():
        job = ImportJob.objects.create(
            created_by=actor,
            created_at=timezone.now(),
            file_name=(upload.name or "temuan.xlsx")[:200],
            content=content,
            total=total,
        )
        job_id = job.pk
        transaction.on_commit(lambda: finding_import_task.enqueue(job_id=job_id))
    return job


def import_job_get_for(*, actor: User, public_id: str) -> ImportJob:
    """The importer's own job; anyone else's looks missing."""
    job = ImportJob.objects.filter(public_id=public_id, created_by=actor).first()
    if job is None or not has_capability(actor, "finding.create"):
        raise NotFound(JOB_NOT_FOUND)
    return job


def _progress(job: ImportJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**fields)


def finding_import_run(*, job_id: int) -> ImportJob:
    """Check every row, then store all findings in one transaction, or none."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.finished:
        return job
    actor = job.created_by
    _progress(job, status=ImportJob.Status.VALIDATING, processed=0)
    forms: list[FindingForm] = []
    errors: list[dict[str, Any]] = []
    with translation.override("id"):
        if not has_capability(actor, "finding.create"):
            errors.append({"row": 0, "column": "—", "message": NO_LONGER_ALLOWED})
        else:
            try:
                for done, (number, values) in enumerate(_rows(bytes(job.content)), start=1):
                    form, problems = row_check(actor=actor, number=number, values=values)
                    errors += problems
                    if form is not None:
                        forms.append(form)
                    if done % PROGRESS_EVERY == 0:
                        _progress(job, processed=done)
            except ApplicationError as error:
                errors.append({"row": 1, "column": "—", "message": error.message})
    _progress(job, processed=job.total)
    if not errors:
        _progress(job, status=ImportJob.Status.SAVING)
        try:
            with transaction.atomic(), audit_deferred():
                _store(job=job, actor=actor, forms=forms)
        except ApplicationError as error:
            errors.append(
                {"row": 0, "column": "—", "message": SAVE_FAILED.format(reason=error.message)}
            )
    _progress(
        job,
        status=ImportJob.Status.FAILED if errors else ImportJob.Status.DONE,
        errors=errors[:MAX_ERRORS_KEPT],
        imported=0 if errors else len(forms),
        content=b"",
        finished_at=timezone.now(),
    )
    return job


def _store(*, job: ImportJob, actor: User, forms: list[FindingForm]) -> None:
    for form in forms:
        finding_register(actor=actor, form=form, files=[], source=form.cleaned_data["source"])
    audit_record(
        actor=actor,
        action="finding.import",
        obj=job,
        after={"file": job.file_name, "findings": len(forms)},
    )


@task()
def finding_import_task(*, job_id: int) -> int:
    """The background half of an import; returns how many findings were stored."""
    return finding_import_run(job_id=job_id).imported
