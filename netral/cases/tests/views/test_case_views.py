"""Staff case pages through real sign-in (password + TOTP): the inbox, the case page, the
action forms and the refusals (404 outside the jurisdiction, 403 without the right)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.cases.countdown import countdown
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")


def action_url(case: Case, action: str) -> str:
    return reverse("cases:case_action", kwargs={"case_id": case.pk, "action": action})


def detail_url(case: Case) -> str:
    return reverse("cases:case_detail", kwargs={"case_id": case.pk})


def test_urls() -> None:
    assert reverse("cases:case_list") == "/ruang-kerja/kasus/"
    assert reverse("cases:case_detail", kwargs={"case_id": 7}) == "/ruang-kerja/kasus/7/"
    assert (
        reverse("cases:case_action", kwargs={"case_id": 7, "action": "register"})
        == "/ruang-kerja/kasus/7/register/"
    )


def test_countdown_words() -> None:
    now = timezone.now()
    ahead = countdown(now + datetime.timedelta(days=2, hours=3, minutes=1), now)
    behind = countdown(now - datetime.timedelta(hours=5, minutes=2), now)
    assert ahead is not None and (ahead.text, ahead.late) == ("2 hari 3 jam lagi", False)
    assert behind is not None and (behind.text, behind.late) == ("terlambat 5 jam", True)
    assert countdown(None, now) is None


def test_inbox_scoped_sorted_with_late_badge(sign_in: SignIn) -> None:
    case_from_report(reported_name="Pegawai Tenggat Dekat")
    late, _ = case_from_report(reported_name="Pegawai Terlambat")
    Case.objects.filter(pk=late.pk).update(due_at=timezone.now() - datetime.timedelta(hours=5))
    case_from_report(region="11.71", reported_name="Pegawai Banda Aceh")
    client, _ = sign_in("bawaslu_staff", "32.75")
    response = client.get(reverse("cases:case_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pegawai Banda Aceh" not in body
    assert body.index("Pegawai Terlambat") < body.index("Pegawai Tenggat Dekat")
    assert body.count("badge--late") == 1 and "terlambat 5 jam" in body
    assert "belum diregistrasi" in body and "Laporan" in body
    assert response["Cache-Control"].count("no-store") == 1


def test_inbox_filter_and_search(sign_in: SignIn) -> None:
    case_from_report(reported_name="Siti Guru")
    closed, _ = case_from_report(reported_name="Budi Selesai")
    Case.objects.filter(pk=closed.pk).update(status=Status.CLOSED)
    client, _ = sign_in("bawaslu_staff", "32.75")
    url = reverse("cases:case_list")
    body = client.get(url).content.decode()
    assert "Siti Guru" in body and "Budi Selesai" not in body
    body = client.get(url, {"status": "closed"}).content.decode()
    assert "Budi Selesai" in body and "Siti Guru" not in body
    body = client.get(url, {"q": "siti"}).content.decode()
    assert "Siti Guru" in body
    body = client.get(url, {"q": "tidak ada"}).content.decode()
    assert "Siti Guru" not in body


def test_provincial_office_sees_its_cities(sign_in: SignIn) -> None:
    case_from_report(reported_name="Pegawai Bekasi")
    client, _ = sign_in("bawaslu_staff", "32")
    assert "Pegawai Bekasi" in client.get(reverse("cases:case_list")).content.decode()


def test_staff_registers_through_the_page_and_the_timeline_shows_it(
    sign_in: SignIn,
) -> None:
    case, _ = case_from_report()
    client, _ = sign_in("bawaslu_staff", "32.75")
    page = client.get(detail_url(case)).content.decode()
    assert 'id="tindakan-register"' in page and 'id="tindakan-decide"' not in page

    incomplete = client.post(action_url(case, "register"), {})
    assert incomplete.status_code == 400
    assert "Syarat formal belum terpenuhi" in incomplete.content.decode()

    data = {f"{r.kind}_{r.code}": "on" for r in requirement_list()}
    response = client.post(action_url(case, "register"), data)
    assert response.status_code == 302 and response["Location"] == detail_url(case)
    case.refresh_from_db()
    assert case.status == Status.REGISTERED and case.register_number
    page = client.get(detail_url(case)).content.decode()
    assert case.register_number in page
    # The history speaks Indonesian, not audit codes.
    assert "Diregistrasi" in page and "Kasus dibuka" in page
    assert "case.register" not in page and "case.open" not in page
    assert (
        reverse("reports_staff:report_detail", kwargs={"public_id": case.reports.get().public_id})
        in page
    )


def test_staff_cannot_decide(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    Case.objects.filter(pk=case.pk).update(status=Status.STUDY)
    client, _ = sign_in("bawaslu_staff", "32.75")
    page = client.get(detail_url(case)).content.decode()
    assert 'id="tindakan-record_study"' in page and 'id="tindakan-decide"' not in page
    response = client.post(
        action_url(case, "decide"), {"verdicts": ["asn_neutrality"], "reason": "Terbukti."}
    )
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == Status.STUDY


def test_leader_sees_the_decide_form(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    Case.objects.filter(pk=case.pk).update(status=Status.STUDY)
    client, _ = sign_in("bawaslu_leader", "32.75")
    assert 'id="tindakan-decide"' in client.get(detail_url(case)).content.decode()
    # The study is still empty: the service refuses, the page says why.
    response = client.post(
        action_url(case, "decide"), {"verdicts": ["asn_neutrality"], "reason": "Terbukti."}
    )
    assert response.status_code == 400
    assert "Kajian" in response.content.decode()


def test_other_jurisdiction_gets_404(sign_in: SignIn) -> None:
    case, _ = case_from_report()
    client, _ = sign_in("bawaslu_staff", "11.71")
    assert client.get(detail_url(case)).status_code == 404
    data = {f"formal_{r.code}": "on" for r in requirement_list(kind="formal")}
    assert client.post(action_url(case, "register"), data).status_code == 404
    case.refresh_from_db()
    assert case.status == Status.RECEIVED
    assert client.post(action_url(case, "no_such_action"), {}).status_code == 404
