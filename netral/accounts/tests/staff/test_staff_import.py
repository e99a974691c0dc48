"""Bulk creation of staff accounts from an XLSX (issue #15, item 8): every row checked, all
accounts or none, per-row Indonesian messages, administrators only, invitations by e-mail."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from conftest import SignIn
from netral.accounts.models import Role, User
from netral.accounts.staff_import import StaffImportFailed, staff_import_run
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, PermissionDenied
from netral.common.tests.smtp import Inbox, smtp_inbox

pytestmark = pytest.mark.usefixtures("regions")
HEADER = ("username", "nama lengkap", "e-mail", "peran", "kode wilayah")
SITE = "https://netral.example.go.id"


def xlsx(*rows: tuple[Any, ...], header: tuple[str, ...] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = (
    ("siti.bandung", "Siti Rahma", "siti@bawaslu.example.go.id", "bawaslu_staff", "32.73"),
    ("pimpinan.jabar", "Budi Santoso", "budi@bawaslu.example.go.id", "Pimpinan Bawaslu", "32"),
    ("ppk.bandung", "Kantor Wali Kota", "ppk@bandung.example.go.id", "ppk", "32.73"),
)


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    settings.NETRAL_SITE_URL = SITE
    with smtp_inbox(settings) as inbox:
        yield inbox


def test_import_creates_all_accounts_and_mails_each_an_invitation(
    make_user: Callable[..., User],
    smtp: Inbox,
    django_capture_on_commit_callbacks: Any,
) -> None:
    admin = make_user(Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        created = staff_import_run(actor=admin, content=xlsx(*GOOD))
    assert [u.username for u in created] == ["siti.bandung", "pimpinan.jabar", "ppk.bandung"]
    siti = User.objects.get(username="siti.bandung")
    assert (siti.role, siti.jurisdiction_id, siti.email) == (
        Role.BAWASLU_STAFF,
        "32.73",
        "siti@bawaslu.example.go.id",
    )
    assert User.objects.get(username="pimpinan.jabar").role == Role.BAWASLU_LEADER
    assert not siti.has_usable_password()
    assert AuditEntry.objects.filter(action="user.import", after__count=3).exists()
    assert AuditEntry.objects.filter(action="user.create").count() >= 3
    recipients = sorted(to[0] for to, _ in smtp.messages)
    assert recipients == sorted(row[2] for row in GOOD)
    payload = smtp.messages[0][1].get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode()
    assert f"{SITE}/akun/undangan/" in body


def test_one_bad_row_creates_nothing_and_names_every_problem(
    make_user: Callable[..., User],
) -> None:
    admin = make_user(Role.ADMIN)
    make_user(Role.BAWASLU_STAFF, "32.73", username="sudah.ada")
    bad = (
        *GOOD,
        ("sudah.ada", "Ani", "ani@example.go.id", "bawaslu_staff", "32.73"),
        ("siti.bandung", "Dua Kali", "dua@example.go.id", "bawaslu_staff", "32.73"),
        ("x1", "Ani", "bukan-email", "petugas_rahasia", "99.99"),
        ("ppk.tanpa", "PPK", "ppk2@example.go.id", "ppk", None),
        ("admin.jabar", "Admin", "adm@example.go.id", "admin", "32"),
        ("rumus", '=HYPERLINK("http://x")', "r@example.go.id", "kpu", "32"),
    )
    with pytest.raises(StaffImportFailed) as caught:
        staff_import_run(actor=admin, content=xlsx(*bad))
    errors = caught.value.errors
    assert "Baris 5: nama pengguna 'sudah.ada' sudah dipakai." in errors
    assert "Baris 6: nama pengguna 'siti.bandung' sudah ada di baris 2." in errors
    assert "Baris 7: alamat e-mail 'bukan-email' tidak sah." in errors
    assert "Baris 7: peran 'petugas_rahasia' tidak dikenal." in errors
    assert "Baris 7: kode wilayah '99.99' tidak ditemukan." in errors
    assert "Baris 8: peran Kantor PPK harus memiliki kode wilayah." in errors
    assert any(
        e.startswith("Baris 9: peran Administrator hanya untuk tingkat nasional") for e in errors
    )
    assert any(e.startswith("Baris 10: kolom 'nama lengkap' berisi rumus") for e in errors)
    assert not User.objects.filter(username__in=[row[0] for row in GOOD]).exists()


def test_file_limits_and_missing_header(make_user: Callable[..., User]) -> None:
    admin = make_user(Role.ADMIN)
    with pytest.raises(ApplicationError, match="bukan XLSX"):
        staff_import_run(actor=admin, content=b"PK\x03\x04 not really a zip")
    with pytest.raises(ApplicationError, match="Kolom 'peran' tidak ditemukan"):
        staff_import_run(actor=admin, content=xlsx(header=("username", "nama lengkap", "e-mail")))
    with pytest.raises(ApplicationError, match="terlalu besar"):
        staff_import_run(actor=admin, content=b"x" * (2 * 1024 * 1024 + 1))


def test_non_admin_is_refused(make_user: Callable[..., User], sign_in: SignIn) -> None:
    leader = make_user(Role.BAWASLU_LEADER, "32")
    with pytest.raises(PermissionDenied):
        staff_import_run(actor=leader, content=xlsx(*GOOD))
    client, _ = sign_in(Role.BAWASLU_LEADER, "32")
    assert client.get(reverse("staff_accounts:import")).status_code == 403
    upload = io.BytesIO(xlsx(*GOOD))
    upload.name = "staf.xlsx"
    response = client.post(reverse("staff_accounts:import"), {"file": upload})
    assert response.status_code == 403
    assert not User.objects.filter(username="siti.bandung").exists()


def test_page_previews_then_creates_on_confirm(
    sign_in: SignIn, django_capture_on_commit_callbacks: Any
) -> None:
    client, _ = sign_in(Role.ADMIN)
    url = reverse("staff_accounts:import")
    upload = io.BytesIO(xlsx(*GOOD))
    upload.name = "staf.xlsx"
    preview = client.post(url, {"file": upload})
    assert preview.status_code == 200
    assert b"import-preview" in preview.content
    assert not User.objects.filter(username="siti.bandung").exists()
    packed = preview.context["packed"]
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"packed": packed})
    assert done.status_code == 200
    assert b"import-done" in done.content
    assert User.objects.filter(username__in=[row[0] for row in GOOD]).count() == 3
    # A forged or replayed confirmation cannot create again: usernames are now taken.
    again = client.post(url, {"packed": packed})
    assert again.status_code == 400
    assert "sudah dipakai" in again.content.decode()
    assert client.post(url, {"packed": packed + "x"}).status_code == 400


def test_page_shows_row_errors(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.ADMIN)
    upload = io.BytesIO(xlsx(("a b", "Nama", "x@example.go.id", "kpu", "32")))
    upload.name = "staf.xlsx"
    response = client.post(reverse("staff_accounts:import"), {"file": upload})
    assert response.status_code == 400
    assert "Baris 2: nama pengguna" in response.content.decode()


def test_command_imports_and_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "staf.xlsx"
    path.write_bytes(xlsx(("x", "X", "bad", "kpu", "32")))
    with pytest.raises(CommandError, match="Tidak ada akun"):
        call_command("staff_import", str(path), stderr=io.StringIO())
    path.write_bytes(xlsx(*GOOD))
    out = io.StringIO()
    call_command("staff_import", str(path), stdout=out)
    assert "3 akun dibuat" in out.getvalue()
    assert User.objects.filter(username="ppk.bandung", role=Role.PPK_OFFICE).exists()


def test_page_and_row_messages_in_english(sign_in: SignIn, settings: Any) -> None:
    client, _ = sign_in(Role.ADMIN)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    upload = io.BytesIO(xlsx(("x", "X", "bukan-email", "kpu", "32")))
    upload.name = "staf.xlsx"
    response = client.post(reverse("staff_accounts:import"), {"file": upload})
    text = response.content.decode()
    assert "Import staff accounts" in text
    assert "Row 2: e-mail address &#x27;bukan-email&#x27; is not valid." in text
