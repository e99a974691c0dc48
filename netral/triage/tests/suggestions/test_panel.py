"""The suggestions panel on the staff report page (issue #12, item 5): the type with its
confidence and words, the entities, the likely duplicates from another office and the
person's record; reading it changes nothing; its queries do not grow with its content."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.reports.models import Report
from netral.triage.models import PersonLink, Suggestion
from netral.triage.tests.suggestions.conftest import CHRONOLOGY, SubmitReport, days_ago

pytestmark = pytest.mark.django_db

SignIn = Callable[..., tuple[Any, Any]]


def _page(client: Any, report: Report) -> Any:
    return client.get(
        reverse("reports_staff:report_detail", kwargs={"public_id": report.public_id})
    )


def test_panel_shows_type_entities_duplicate_and_person(
    sign_in: SignIn, new_report: Report, earlier_elsewhere: Report
) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32")  # the province sees both offices' reports
    response = _page(client, new_report)
    assert response.status_code == 200
    html = response.content.decode()
    panel = html[html.index('id="saran"') :]
    # The type, its confidence and the words behind it.
    assert 'data-value="kegiatan_keberpihakan"' in panel
    assert "Mengadakan kegiatan yang mengarah pada keberpihakan" in panel
    assert "%" in panel and "<q>amplop</q>" in panel
    # Entities: a valid NIP decoded, an invalid one with its reason, date, law, money, pair, URL.
    assert "lahir 17 Maret 1985, diangkat Januari 2010, laki-laki" in panel
    assert "8 angka pertama harus tanggal lahir" in panel
    assert "17 September 2024" in panel
    assert "Pasal 71 ayat (1) UU 10/2016" in panel
    assert "Rp500.000" in panel
    assert "nomor urut 2" in panel
    assert 'href="https://www.facebook.com/warga/posts/123"' in panel
    assert "Isi sebagai NIP terlapor" in panel
    # The duplicate, handled by another office, linked, with its reasons.
    assert f'data-duplicate="{earlier_elsewhere.public_id}"' in panel
    assert "kantor lain" in panel and "kronologi mirip" in panel
    assert (
        reverse("reports_staff:report_detail", kwargs={"public_id": earlier_elsewhere.public_id})
        in panel
    )
    # The person's record.
    person = PersonLink.objects.exclude(status="rejected").get(report=new_report).person
    assert reverse("triage_persons:person_detail", kwargs={"public_id": person.public_id}) in panel


def test_a_city_office_does_not_see_the_other_office_duplicate(
    sign_in: SignIn, new_report: Report, earlier_elsewhere: Report
) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    html = _page(client, new_report).content.decode()
    assert str(earlier_elsewhere.public_id) not in html
    assert "Tidak ada laporan lain yang mirip" in html


def test_showing_suggestions_changes_nothing(
    sign_in: SignIn, new_report: Report, earlier_elsewhere: Report
) -> None:
    client, _ = sign_in(Role.BAWASLU_LEADER, "32")
    audit_before = AuditEntry.objects.count()
    for _ in range(2):
        assert _page(client, new_report).status_code == 200
    new_report.refresh_from_db()
    assert new_report.violation_type == "" and new_report.reported_nip == ""
    assert Suggestion.objects.count() == 0
    assert AuditEntry.objects.count() == audit_before


def test_partner_roles_see_no_report_page(sign_in: SignIn, new_report: Report) -> None:
    client, _ = sign_in(Role.BKN_OFFICER)
    assert _page(client, new_report).status_code == 403


def test_report_page_queries_do_not_grow_with_duplicates(
    sign_in: SignIn, submit_report: SubmitReport, new_report: Report, earlier_elsewhere: Report
) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32")
    _page(client, new_report)  # warm caches (rulebook, model, session)
    with CaptureQueriesContext(connection) as one:
        assert _page(client, new_report).status_code == 200
    for region in ("32.16", "32.75", "32.16"):
        submit_report(
            region=region,
            chronology=CHRONOLOGY,
            reported_nip="",
            reported_name="Bambang Wijaya",
            agency="Kecamatan Bekasi Timur",
            event_date=days_ago(3),
        )
    with CaptureQueriesContext(connection) as four:
        html = _page(client, new_report).content.decode()
    assert html.count("data-duplicate=") == 4
    assert len(four) == len(one), [q["sql"] for q in four.captured_queries]
    # The panel's share: decisions, person (link, repeat count), duplicates (probes, rows).
    assert len(one) <= 40, len(one)


def test_the_panel_adds_a_fixed_handful_of_queries(
    sign_in: SignIn, new_report: Report, earlier_elsewhere: Report
) -> None:
    from netral.reports.hooks import report_sections

    client, _ = sign_in(Role.BAWASLU_STAFF, "32")
    _page(client, new_report)
    with CaptureQueriesContext(connection) as with_panel:
        _page(client, new_report)
    with report_sections.replaced(), CaptureQueriesContext(connection) as without:
        html = _page(client, new_report).content.decode()
    assert 'id="saran"' not in html
    added = len(with_panel) - len(without)
    print(f"report page: {len(without)} queries, with the panel {len(with_panel)}")
    # Decisions 1; person: link 1, repeat offences 1; duplicates: 3 probes, signatures 1,
    # reports 2.
    assert added <= 10, [q["sql"] for q in with_panel.captured_queries]
