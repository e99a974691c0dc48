"""The staff home page lists what needs me, and the menu counts it on every staff page."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.my_work import WorkItem, WorkRequest, WorkSection, my_work_sections
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from netral.reports.models import Message

HOME = "/akun/ruang-kerja/"


@pytest.mark.usefixtures("elections")
def test_home_lists_my_cases_and_the_menu_counts_them(sign_in: SignIn) -> None:
    client, me = sign_in("bawaslu_staff", "32.75")
    now = timezone.now()
    mine, _ = case_from_report(reported_name="Pegawai Tugas Saya")
    Case.objects.filter(pk=mine.pk).update(assignee=me, due_at=now - datetime.timedelta(hours=2))
    aceh, _ = case_from_report(reported_name="Pegawai Aceh", region="11.71")
    Case.objects.filter(pk=aceh.pk).update(assignee=me, due_at=now - datetime.timedelta(hours=2))

    response = client.get(HOME)
    body = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Kasus yang ditugaskan kepada saya" in body and "Pegawai Tugas Saya" in body
    assert "Tenggat hari ini dan terlambat di kantor saya" in body
    assert "Pesan baru dari pelapor" in body
    assert "Pegawai Aceh" not in body  # another office's case, whatever its assignee
    assert "Permintaan pengungkapan" not in body  # staff do not decide reveals
    sections = {s.key: s.count for s in response.context["sections"]}
    assert sections["cases_assigned"] == 1 and sections["cases_due"] == 1
    # The menu: mine once as assigned, once as overdue.
    assert '<span class="nav__count" title="Menunggu Anda">2</span>' in body
    # Elsewhere the menu fetches its count after the page has loaded (no cost to the page).
    inbox = client.get(reverse("cases:case_list")).content.decode()
    count_url = reverse("accounts:my_work_count")
    assert f'hx-get="{count_url}" hx-trigger="load"' in inbox
    assert 'title="Menunggu Anda"' not in inbox
    fragment = client.get(count_url)
    assert fragment.status_code == 200 and "no-store" in fragment["Cache-Control"]
    assert fragment.content.decode().strip() == (
        '<span class="nav__count" title="Menunggu Anda">2</span>'
    )


def test_menu_count_in_the_indonesian_format(sign_in: SignIn) -> None:
    assert Client().get(reverse("accounts:my_work_count")).status_code == 302  # sign in first

    def many(request: WorkRequest) -> list[WorkSection]:
        item = WorkItem(label="Kasus", url="/ruang-kerja/kasus/")
        return [WorkSection(key="many", title="Banyak", count=1234, order=1, items=[item])]

    client, _ = sign_in("bkn")
    with my_work_sections.replaced(many):
        body = client.get(HOME).content.decode()
        fragment = client.get(reverse("accounts:my_work_count")).content.decode()
    assert "1.234" in fragment
    assert '<span class="nav__count" title="Menunggu Anda">1.234</span>' in body
    assert '<span class="work__count">1.234</span>' in body
    assert "Lihat semua" not in body  # no more link when the section has none


@pytest.mark.usefixtures("elections")
def test_home_costs_the_same_queries_for_more_work(sign_in: SignIn) -> None:
    client, leader = sign_in("bawaslu_leader", "32.75")
    now = timezone.now()

    def more_work() -> None:
        case, _ = case_from_report()
        Case.objects.filter(pk=case.pk).update(assignee=leader, due_at=now)
        Message.objects.create(
            report=case.reports.get(), sender="reporter", body="Tambahan.", created_at=now
        )

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(HOME).status_code == 200
        return len(ctx.captured_queries)

    more_work()
    few = queries()
    for _ in range(3):
        more_work()
    assert queries() == few
