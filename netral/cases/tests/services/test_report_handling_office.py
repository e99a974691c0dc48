"""Staff access to a report follows the office that handles its case, not the region where
the event happened: a governor-election report from a regency is the province's, and a
handover takes the report along with its case."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import User
from netral.cases import services as case_services
from netral.common.errors import NotFound
from netral.elections.models import Election
from netral.reports.forms import ReportForm
from netral.reports.handling import (
    evidence_open,
    reporter_identity_reveal,
    reveal_request_create,
    reveal_request_decide,
    staff_message_post,
)
from netral.reports.handling_selectors import reveal_requests_pending_for
from netral.reports.models import Report
from netral.reports.selectors import report_get_for, report_list_for
from netral.reports.services import report_submit
from netral.reports.tests.files import jpeg_with_exif
from netral.reports.tests.services.test_handling import REASON
from netral.reports.tests.services.test_handling import media as media

pytestmark = pytest.mark.usefixtures("elections", "media")

MakeUser = Callable[..., User]
BOLSEL = "71.11"  # Kabupaten Bolaang Mongondow Selatan, Sulawesi Utara
SULUT = "71"


def submit(*, region: str, election: Election | None = None) -> Report:
    today = timezone.localdate()
    data: dict[str, Any] = {
        "region": region,
        "reported_name": "Drs. Hendrik Mokodompit",
        "agency": "Dinas Pendidikan Provinsi Sulawesi Utara",
        "position": "Kepala Bidang",
        "chronology": "Terlapor membagikan materi kampanye calon gubernur di grup dinas.",
        "event_date": str(today - datetime.timedelta(days=2)),
        "known_date": str(today - datetime.timedelta(days=1)),
        "reporter_name": "Rina Kartika",
        "reporter_address": "Jl. Trans Sulawesi 1",
        "reporter_phone": "081234567890",
    }
    if election is not None:
        data["election"] = str(election.pk)
    form = ReportForm(data)
    assert form.is_valid(), form.errors
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_exif())
    report = report_submit(form=form, files=[upload], channel="web").report
    report.refresh_from_db()
    return report


@pytest.fixture
def governor_report() -> Report:
    governor = Election.objects.get(region_id=SULUT, office=Election.Office.GUBERNUR)
    return submit(region=BOLSEL, election=governor)


def test_a_governor_election_report_is_handled_by_the_province(
    governor_report: Report, make_user: MakeUser
) -> None:
    regency_staff = make_user("bawaslu_staff", BOLSEL)
    regency_leader = make_user("bawaslu_leader", BOLSEL)
    province_staff = make_user("bawaslu_staff", SULUT)
    province_leader = make_user("bawaslu_leader", SULUT)
    public_id = str(governor_report.public_id)
    assert governor_report.case is not None
    assert governor_report.case.office_region_id == SULUT
    assert governor_report.region_id == BOLSEL  # the event stays where it happened

    # The regency office sees neither the case nor the report, its evidence or its identity.
    with pytest.raises(NotFound):
        report_get_for(actor=regency_staff, public_id=public_id)
    assert not report_list_for(actor=regency_staff).filter(pk=governor_report.pk).exists()
    evidence_id = governor_report.evidence.get().pk
    with pytest.raises(NotFound):
        evidence_open(
            actor=regency_staff, report_public_id=public_id, evidence_id=evidence_id, original=False
        )
    with pytest.raises(NotFound):
        reveal_request_create(actor=regency_staff, report_public_id=public_id, reason=REASON)
    with pytest.raises(NotFound):
        staff_message_post(actor=regency_staff, report_public_id=public_id, body="Halo")

    # The province handles it, and a regency leader cannot approve the province's request.
    request = reveal_request_create(actor=province_staff, report_public_id=public_id, reason=REASON)
    assert list(reveal_requests_pending_for(actor=regency_leader)) == []
    with pytest.raises(NotFound):
        reveal_request_decide(actor=regency_leader, request_id=request.pk, approve=True, note="")
    with pytest.raises(NotFound):
        reporter_identity_reveal(actor=regency_staff, report_public_id=public_id)
    reveal_request_decide(actor=province_leader, request_id=request.pk, approve=True, note="")
    reporter = reporter_identity_reveal(actor=province_staff, report_public_id=public_id)
    assert reporter.name == "Rina Kartika"


def test_pages_answer_404_to_the_regency_office(
    governor_report: Report, sign_in: SignIn, make_user: MakeUser
) -> None:
    regency, _ = sign_in("bawaslu_staff", BOLSEL)
    province, _ = sign_in("bawaslu_staff", SULUT)
    kwargs = {"public_id": governor_report.public_id}
    evidence = {**kwargs, "evidence_id": governor_report.evidence.get().pk}
    detail = reverse("reports_staff:report_detail", kwargs=kwargs)
    clean = reverse("reports_staff:evidence_clean", kwargs=evidence)
    reveal = reverse("reports_staff:reveal_request", kwargs=kwargs)

    assert regency.get(detail).status_code == 404
    assert regency.get(clean).status_code == 404
    assert regency.post(reveal, {"reason": REASON}).status_code == 404
    listing = regency.get(reverse("reports_staff:report_list")).content.decode()
    assert "Hendrik Mokodompit" not in listing

    assert province.get(detail).status_code == 200
    assert province.get(clean).status_code == 200
    listing = province.get(reverse("reports_staff:report_list")).content.decode()
    assert "Hendrik Mokodompit" in listing
    assert province.post(reveal, {"reason": REASON}).status_code == 302


def test_after_a_handover_the_new_office_sees_the_report_and_the_old_one_does_not(
    governor_report: Report, make_user: MakeUser
) -> None:
    report = submit(region="32.75")  # Kota Bekasi's own mayoral election
    bekasi = make_user("bawaslu_staff", "32.75")
    west_java = make_user("bawaslu_staff", "32")
    public_id = str(report.public_id)
    assert report.case is not None
    report_get_for(actor=bekasi, public_id=public_id)
    case_services.case_handover(
        actor=bekasi, case_id=report.case.pk, to_region_code="32", reason="Melibatkan provinsi."
    )
    with pytest.raises(NotFound):
        report_get_for(actor=bekasi, public_id=public_id)
    with pytest.raises(NotFound):
        reveal_request_create(actor=bekasi, report_public_id=public_id, reason=REASON)
    assert report_get_for(actor=west_java, public_id=public_id).pk == report.pk

    # A province delegating a governor-election case to the regency lets the regency in.
    regency = make_user("bawaslu_staff", BOLSEL)
    sulut = make_user("bawaslu_staff", SULUT)
    assert governor_report.case is not None
    case_services.case_handover(
        actor=sulut, case_id=governor_report.case.pk, to_region_code=BOLSEL, reason="Delegasi."
    )
    governor_id = str(governor_report.public_id)
    reveal_request_create(actor=regency, report_public_id=governor_id, reason=REASON)
    # The province still covers its regencies: it keeps sight, as it does of their cases.
    assert report_get_for(actor=sulut, public_id=governor_id).pk == governor_report.pk


def test_a_merged_report_follows_its_new_case(make_user: MakeUser) -> None:
    first, second = submit(region="32.75"), submit(region="32.75")
    bekasi = make_user("bawaslu_staff", "32.75")
    assert first.case is not None and second.case is not None
    case_services.case_merge(actor=bekasi, case_id=second.case.pk, into_id=first.case.pk)
    second.refresh_from_db()
    assert second.case_id == first.case_id and second.handling_region_id == "32.75"


def test_the_migration_gives_existing_reports_their_cases_office(governor_report: Report) -> None:
    migration = __import__(
        "netral.reports.migrations.0006_report_handling_region", fromlist=["from_cases"]
    )
    Report.objects.update(handling_region=None)
    migration.from_cases(apps, None)
    governor_report.refresh_from_db()
    assert governor_report.handling_region_id == SULUT


def test_a_regency_finding_for_the_governor_election_goes_to_the_province(
    sign_in: SignIn,
) -> None:
    client, _ = sign_in("bawaslu_staff", BOLSEL)
    known = str(timezone.localdate() - datetime.timedelta(days=1))
    response = client.post(
        reverse("reports_staff:finding_create"),
        {
            "province": SULUT,
            "regency": BOLSEL,
            "election_office": "gubernur",
            "source": "field_patrol",
            "reported_name": "Pegawai Temuan Gubernur",
            "agency": "Dinas Sosial",
            "chronology": "Camat membagikan bahan kampanye calon gubernur saat apel pagi.",
            "event_date": known,
            "known_date": known,
        },
    )
    # Not a redirect to a page the registrar cannot open: back to the list, with a word.
    assert response.status_code == 302
    assert response["Location"] == reverse("reports_staff:report_list")
    report = Report.objects.get(reported_name="Pegawai Temuan Gubernur")
    assert report.handling_region_id == SULUT
    listing = client.get(response["Location"]).content.decode()
    assert "ditangani kantor Bawaslu yang berwenang" in listing
