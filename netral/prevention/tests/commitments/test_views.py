"""Staff pages for pacts, meetings, commitments and activities: they render for the right
roles, 404 outside the jurisdiction, 403 for the wrong role; a PPK office updates the
commitments it owns; files come back as audited attachments; English on request."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.prevention import commitments as services
from netral.prevention.models import (
    ActivityKind,
    Commitment,
    CommitmentStatus,
    CoordinationMeeting,
    IntegrityPact,
    PreventionActivity,
)
from netral.prevention.tests.commitments.factories import PDF, commitment, meeting

pytestmark = pytest.mark.usefixtures("regions")
SignIn = Callable[..., tuple[Client, User]]
MakeUser = Callable[..., User]


@pytest.fixture
def bekasi(make_user: MakeUser) -> tuple[User, CoordinationMeeting, Commitment]:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(staff, minutes=PDF)
    made = commitment(staff, held, due_on=datetime.date(2024, 10, 1))  # past: overdue
    return staff, held, made


LIST_PAGES = [
    "commitments:pact_list",
    "commitments:meeting_list",
    "commitments:commitment_list",
    "commitments:activity_list",
]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_render_for_bawaslu_bkn_and_ppk(sign_in: SignIn, name: str) -> None:
    for role in (Role.BAWASLU_STAFF, Role.BKN_OFFICER, Role.PPK_OFFICE):
        client, _ = sign_in(role, "32.75")
        response = client.get(reverse(name))
        assert response.status_code == 200, (role, name)
        body = response.content.decode()
        assert 'href="/ruang-kerja/pencegahan/komitmen/"' in body  # the menu and sub-menu


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_refuse_roles_without_the_right(sign_in: SignIn, name: str) -> None:
    client, _ = sign_in(Role.KPU, "32.75")
    assert client.get(reverse(name)).status_code == 403


def test_the_menu_links_the_section_only_for_viewers(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    assert "Komitmen & kegiatan" in client.get(reverse("accounts:workspace")).content.decode()
    client, _ = sign_in(Role.KPU, "32.75")
    assert "Komitmen & kegiatan" not in client.get(reverse("accounts:workspace")).content.decode()


def test_meeting_page_shows_overdue_commitments_at_a_glance(
    sign_in: SignIn, bekasi: tuple[User, CoordinationMeeting, Commitment]
) -> None:
    _, held, made = bekasi
    client, _ = sign_in(Role.BAWASLU_STAFF, "32")  # the province covers Kota Bekasi
    body = client.get(reverse("commitments:meeting_list")).content.decode()
    assert held.title in body and 'class="badge badge--late">1<' in body
    body = client.get(reverse("commitments:meeting_detail", args=[held.pk])).content.decode()
    assert "lewat tenggat" in body and "Pemerintah Kota Bekasi" in body
    assert "Tambah komitmen" in body
    desk = client.get(reverse("commitments:commitment_list") + "?overdue=on").content.decode()
    assert reverse("commitments:commitment_detail", args=[made.pk]) in desk


def test_pages_outside_the_jurisdiction_are_not_found(
    sign_in: SignIn, bekasi: tuple[User, CoordinationMeeting, Commitment]
) -> None:
    staff, held, made = bekasi
    pact = services.pact_record(
        actor=staff,
        region="32.75",
        signatory_name="Tri Wibowo",
        signatory_position="Wali Kota Bekasi",
        signed_on=datetime.date(2022, 9, 27),
        occasion="Penandatanganan nasional",
        file=PDF,
    )
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.73")  # Kota Bandung
    for url in (
        reverse("commitments:meeting_detail", args=[held.pk]),
        reverse("commitments:meeting_minutes", args=[held.pk]),
        reverse("commitments:commitment_detail", args=[made.pk]),
        reverse("commitments:pact_detail", args=[pact.pk]),
        reverse("commitments:pact_file", args=[pact.pk]),
    ):
        assert client.get(url).status_code == 404, url
    post = client.post(reverse("commitments:commitment_status", args=[made.pk]), {"status": "done"})
    assert post.status_code == 404
    assert client.get(reverse("commitments:meeting_list")).content.decode().count(held.title) == 0


def test_ppk_office_sees_and_updates_the_commitment_it_owns(
    sign_in: SignIn, bekasi: tuple[User, CoordinationMeeting, Commitment]
) -> None:
    _, held, made = bekasi
    client, ppk = sign_in(Role.PPK_OFFICE, "32.75")
    desk = client.get(reverse("commitments:commitment_list")).content.decode()
    assert reverse("commitments:commitment_detail", args=[made.pk]) in desk
    page = client.get(reverse("commitments:commitment_detail", args=[made.pk])).content.decode()
    assert "Perbarui status" in page
    url = reverse("commitments:commitment_status", args=[made.pk])
    refused = client.post(url, {"status": "not_done", "note": ""})
    assert refused.status_code == 400
    assert "wajib diisi bila komitmen tidak terlaksana" in refused.content.decode()
    done = client.post(url, {"status": "done", "note": "SE Wali Kota 800/123."}, follow=True)
    assert done.status_code == 200 and "Tersimpan." in done.content.decode()
    made.refresh_from_db()
    assert made.status == CommitmentStatus.DONE and made.status_by == ppk
    # It may not add commitments to the meeting, and another PPK office sees nothing of it.
    add = client.post(reverse("commitments:commitment_add", args=[held.pk]), {"text": "x"})
    assert add.status_code == 403
    other, _ = sign_in(Role.PPK_OFFICE, "32.73")
    assert other.get(reverse("commitments:commitment_detail", args=[made.pk])).status_code == 404


def test_bkn_sees_commitments_without_the_update_form(
    sign_in: SignIn, bekasi: tuple[User, CoordinationMeeting, Commitment]
) -> None:
    _, _, made = bekasi
    client, _ = sign_in(Role.BKN_OFFICER, "32")
    page = client.get(reverse("commitments:commitment_detail", args=[made.pk]))
    assert page.status_code == 200 and "Perbarui status" not in page.content.decode()
    post = client.post(reverse("commitments:commitment_status", args=[made.pk]), {"status": "done"})
    assert post.status_code == 403


def test_record_a_meeting_and_its_commitment_through_the_pages(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    assert client.get(reverse("commitments:meeting_new")).status_code == 200
    bad = client.post(
        reverse("commitments:meeting_new"),
        {
            "office": "32.75",
            "title": "Rakor",
            "held_on": "2024-09-17",
            "place": "Aula",
            "participants": "Pemerintah Kota Bekasi 12",
        },
    )
    assert bad.status_code == 400 and "Baris 1" in bad.content.decode()
    response = client.post(
        reverse("commitments:meeting_new"),
        {
            "office": "32.75",
            "title": "Rapat koordinasi netralitas ASN",
            "held_on": "2024-09-17",
            "place": "Aula Pemkot Bekasi",
            "participants": "Pemerintah Kota Bekasi; 12\n\nBawaslu Kota Bekasi; 5",
            "minutes": SimpleUploadedFile("notulen.pdf", PDF, content_type="application/pdf"),
        },
    )
    held = CoordinationMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("commitments:meeting_detail", args=[held.pk])
    assert PreventionActivity.objects.get(meeting=held).reach == 17
    add = client.post(
        reverse("commitments:commitment_add", args=[held.pk]),
        {
            "text": "Sosialisasi netralitas kepada camat dan lurah.",
            "owner_institution": "Pemerintah Kota Bekasi",
            "owner_region": "32.75",
            "due_on": "2024-09-01",  # before the meeting
        },
    )
    assert add.status_code == 400 and "sebelum tanggal rapat" in add.content.decode()
    add = client.post(
        reverse("commitments:commitment_add", args=[held.pk]),
        {
            "text": "Sosialisasi netralitas kepada camat dan lurah.",
            "owner_institution": "Pemerintah Kota Bekasi",
            "owner_region": "32.75",
            "due_on": "2024-10-15",
        },
    )
    assert add.status_code == 302
    assert Commitment.objects.get(meeting=held).owner_region_id == "32.75"
    minutes = client.get(reverse("commitments:meeting_minutes", args=[held.pk]))
    assert minutes.status_code == 200 and minutes.content == PDF
    assert minutes["Content-Disposition"].startswith("attachment;")
    assert AuditEntry.objects.filter(action="prevention.minutes_open").count() == 1


def test_record_a_pact_and_an_activity_through_the_pages(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32")
    response = client.post(
        reverse("commitments:pact_new"),
        {
            "region": "32.75",
            "signatory_name": "Tri Wibowo",
            "signatory_position": "Wali Kota Bekasi",
            "signed_on": "2022-09-27",
            "occasion": "Penandatanganan pakta integritas serentak (Bawaslu RI)",
            "file": SimpleUploadedFile("pakta.pdf", b"GIF89a", content_type="application/pdf"),
        },
    )
    assert response.status_code == 400 and "harus berupa PDF" in response.content.decode()
    assert not IntegrityPact.objects.exists()
    response = client.post(
        reverse("commitments:activity_new"),
        {
            "office": "32.75",
            "kind": ActivityKind.FIELD_PATROL,
            "held_on": "2024-10-20",
            "place": "Kecamatan Bekasi Utara",
            "audience": "ASN kelurahan",
            "reach": "40",
        },
    )
    assert response.status_code == 302
    body = client.get(reverse("commitments:activity_list")).content.decode()
    assert "Kecamatan Bekasi Utara" in body and "Patroli lapangan" in body
    outside = client.post(
        reverse("commitments:activity_new"),
        {
            "office": "33.74",
            "kind": "socialisation",
            "held_on": "2024-10-20",
            "place": "x",
            "audience": "y",
            "reach": "1",
        },
    )
    assert outside.status_code == 400  # not among the offices offered
    assert PreventionActivity.objects.count() == 1


def test_record_pages_refuse_partners(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    for name in ("commitments:pact_new", "commitments:meeting_new", "commitments:activity_new"):
        assert client.get(reverse(name)).status_code == 403


def test_pages_in_english(
    sign_in: SignIn, bekasi: tuple[User, CoordinationMeeting, Commitment]
) -> None:
    _, held, _ = bekasi
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    client.cookies["django_language"] = "en"
    body = client.get(reverse("commitments:meeting_detail", args=[held.pk])).content.decode()
    assert "Add a commitment" in body and "overdue" in body and "Participants" in body
    body = client.get(reverse("commitments:activity_list")).content.decode()
    assert "Prevention activities" in body and "Social media patrol" in body
