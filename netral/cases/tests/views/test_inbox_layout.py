"""The inbox as a work tool: sorted server-side by any column with ``aria-sort``, pagination
and sort links that keep the filters, status badges that tell live from finished cases, and
numbers in the Indonesian format."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from conftest import SignIn
from netral.cases import views
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")
URL = "/ruang-kerja/kasus/"


def _names(body: str) -> list[str]:
    return re.findall(r'title="(Pegawai [^"]+)"', body)


def test_sort_by_column_both_ways_with_aria_sort(sign_in: SignIn) -> None:
    for name in ("Pegawai Citra", "Pegawai Ani", "Pegawai Budi"):
        case_from_report(reported_name=name)
    client, _ = sign_in("bawaslu_staff", "32.75")

    body = client.get(URL, {"urut": "terlapor"}).content.decode()
    assert _names(body) == ["Pegawai Ani", "Pegawai Budi", "Pegawai Citra"]
    assert re.search(r'aria-sort="ascending"><a class="sort" href="\?urut=-terlapor">', body)
    assert body.count('aria-sort="none"') == 6  # every other sortable column

    body = client.get(URL, {"urut": "-terlapor"}).content.decode()
    assert _names(body) == ["Pegawai Citra", "Pegawai Budi", "Pegawai Ani"]
    assert 'aria-sort="descending"' in body

    # Anything else is the default order (the deadline), never an error.
    response = client.get(URL, {"urut": "drop table"})
    assert response.status_code == 200
    assert 'aria-sort="ascending"><a class="sort" href="?urut=-tenggat">' in (
        response.content.decode()
    )


def test_sort_by_status_follows_the_workflow(sign_in: SignIn) -> None:
    study, _ = case_from_report(reported_name="Pegawai Kajian")
    case_from_report(reported_name="Pegawai Diterima")
    Case.objects.filter(pk=study.pk).update(status=Status.STUDY)
    client, _ = sign_in("bawaslu_staff", "32.75")
    body = client.get(URL, {"urut": "status"}).content.decode()
    assert _names(body) == ["Pegawai Diterima", "Pegawai Kajian"]


def test_pagination_and_sort_links_keep_the_filters(
    sign_in: SignIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for n in range(3):
        case_from_report(reported_name=f"Pegawai {n}", agency="Dinas Pendidikan")
    case_from_report(reported_name="Pegawai Lain", agency="Kecamatan Bekasi")
    client, _ = sign_in("bawaslu_staff", "32.75")

    first = client.get(URL, {"agency": "pendidikan", "urut": "-terlapor"}).content.decode()
    assert _names(first) == ["Pegawai 2", "Pegawai 1"]
    assert 'href="?agency=pendidikan&amp;urut=-terlapor&amp;page=2"' in first
    # The filter form keeps the sort; a header link keeps the filter and starts at page 1.
    assert '<input type="hidden" name="urut" value="-terlapor">' in first
    assert 'href="?agency=pendidikan&amp;urut=nomor"' in first

    second = client.get(
        URL, {"agency": "pendidikan", "urut": "-terlapor", "page": "2"}
    ).content.decode()
    assert _names(second) == ["Pegawai 0"]
    assert 'href="?agency=pendidikan&amp;urut=-terlapor&amp;page=1"' in second
    assert "Pegawai Lain" not in first + second


def test_badges_tell_live_deadlines_from_finished_cases(sign_in: SignIn) -> None:
    now = timezone.now()
    live, _ = case_from_report(reported_name="Pegawai Berjalan")
    done, _ = case_from_report(reported_name="Pegawai Diputus")
    Case.objects.filter(pk=live.pk).update(due_at=now + datetime.timedelta(days=2, hours=1))
    Case.objects.filter(pk=done.pk).update(
        status=Status.DECIDED,
        due_at=now + datetime.timedelta(days=3),
        decided_at=now - datetime.timedelta(days=1),
        finished_at=now - datetime.timedelta(days=1),
    )
    client, _ = sign_in("bawaslu_staff", "32.75")
    body = client.get(URL).content.decode()
    rows = {name: row for row in body.split("<tr ")[1:] for name in _names(row)}
    assert "badge--live" in rows["Pegawai Berjalan"] and "2 hari" in rows["Pegawai Berjalan"]
    assert "badge--status-open" in rows["Pegawai Berjalan"]
    finished = rows["Pegawai Diputus"]
    assert "badge--done" in finished and "badge--status-done" in finished
    assert "lagi" not in finished and "badge--live" not in finished
    decided = timezone.localtime(now - datetime.timedelta(days=1))
    assert decided.strftime("%H:%M") in finished

    page = client.get(reverse("cases:case_detail", kwargs={"case_id": done.pk})).content.decode()
    top = page.split('class="case-top"')[1].split('class="case-layout"')[0]
    assert "Penanganan selesai" in top and "lagi" not in top


def test_case_page_puts_deadline_and_next_actions_on_top(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    client, _ = sign_in("bawaslu_staff", "32.75")
    page = client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk})).content.decode()
    top = page.split('class="case-top"')[1].split('class="case-layout"')[0]
    assert "Tenggat tahap ini" in top
    assert 'href="#tindakan-register"' in top and 'href="#tindakan-decide"' not in top
    assert page.index('class="case-top"') < page.index('id="tindakan-register"')
    assert 'class="case-layout__side"' in page and 'class="timeline"' in page


def test_numbers_in_the_indonesian_format() -> None:
    page = Paginator(range(2468), 2).page(1)
    with translation.override("id"):
        html = render_to_string("includes/pagination.html", {"page": page, "query": ""})
    assert "Halaman 1 dari 1.234" in html
    with translation.override("en"):
        html = render_to_string("includes/pagination.html", {"page": page, "query": ""})
    assert "1,234" in html


def test_inbox_page_costs_the_same_queries_for_more_rows(sign_in: SignIn) -> None:
    client, staff = sign_in("bawaslu_staff", "32.75")
    first, _ = case_from_report()
    Case.objects.filter(pk=first.pk).update(assignee=staff)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"urut": "petugas"}).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for _ in range(3):
        case, _ = case_from_report()
        Case.objects.filter(pk=case.pk).update(assignee=staff)
    assert queries() == few


def test_public_pages_keep_their_look(sign_in: SignIn) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    staff = client.get(URL).content.decode()
    assert '<body class="staff">' in staff and "netral/css/workspace.css" in staff
    assert "netral/js/workspace.js" in staff and "<script>" not in staff  # no inline script
    public = client.get(reverse("reports:form")).content.decode()
    assert "<body>" in public and "workspace.css" not in public and "workspace.js" not in public
