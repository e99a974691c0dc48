from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.cases.models import Verdict
from netral.followup import services
from netral.followup.models import Recommendation, RecStatus
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def _rec(make_user: Any, verdict: str = Verdict.ASN_NEUTRALITY, **report: Any) -> Recommendation:
    case = decided_case(make_user, verdicts=[verdict], **report)
    return Recommendation.objects.get(case=case)


def detail(rec: Recommendation) -> str:
    return reverse("followup:detail", kwargs={"rec_id": rec.pk})


def act(rec: Recommendation, action: str) -> str:
    return reverse("followup:act", kwargs={"rec_id": rec.pk, "action": action})


def test_bkn_desk_lists_and_assesses(sign_in: SignIn, make_user: Any) -> None:
    rec = _rec(make_user)
    client, _ = sign_in(Role.BKN_OFFICER)
    body = client.get(reverse("followup:desk")).content.decode()
    assert rec.number in body and "Drs. Bambang Wijaya" in body
    page = client.get(detail(rec)).content.decode()
    assert 'id="tindakan-assess"' in page and 'id="tindakan-sanction"' not in page
    response = client.post(act(rec, "assess"), {"assessment": "", "sanction": "moderate"})
    assert response.status_code == 400
    assert "Bidang ini tidak boleh kosong" in response.content.decode()
    response = client.post(act(rec, "assess"), {"assessment": "Terbukti.", "sanction": "moderate"})
    assert response.status_code == 302
    rec.refresh_from_db()
    assert rec.status == RecStatus.ASSESSED


def test_ppk_records_sanction_through_the_page(sign_in: SignIn, make_user: Any) -> None:
    rec = _rec(make_user)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="heavy"
    )
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    page = client.get(detail(rec)).content.decode()
    assert 'id="tindakan-sanction"' in page
    data = {
        "imposed": "yes",
        "decree_number": "800/55/BKPSDM",
        "decree_date": str(timezone.localdate()),
        "sanction": "heavy",
        "option": "penurunan_jabatan",
        "reason": "",
    }
    bad = client.post(act(rec, "sanction"), {**data, "decree_date": "2099-01-01"})
    assert bad.status_code == 400 and "masa depan" in bad.content.decode()
    assert client.post(act(rec, "sanction"), data).status_code == 302
    page = client.get(detail(rec)).content.decode()
    assert "800/55/BKPSDM" in page and "Hukuman disiplin berat" in page


def test_sanction_file_must_be_pdf(sign_in: SignIn, make_user: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    rec = _rec(make_user)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="heavy"
    )
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    upload = SimpleUploadedFile("sk.exe", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(
        act(rec, "sanction"),
        {"imposed": "no", "reason": "x", "decree_file": upload},
    )
    assert response.status_code == 400 and "PDF" in response.content.decode()
    rec.refresh_from_db()
    assert rec.status == RecStatus.ASSESSED


@pytest.mark.parametrize(
    ("role", "region"),
    [
        (Role.PPK_OFFICE, "32.73"),  # another city's PPK
        (Role.PPK_OFFICE, "32"),  # the province's PPK is not the city's
        (Role.BAWASLU_STAFF, "11.71"),
        (Role.GAKKUMDU, "32.75"),  # not addressed to it
        (Role.KPU, "32.75"),
        (Role.BKN_OFFICER, "11"),  # a regional BKN office elsewhere
    ],
)
def test_outsiders_get_404(sign_in: SignIn, make_user: Any, role: str, region: str) -> None:
    rec = _rec(make_user)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="heavy"
    )
    client, _ = sign_in(role, region)
    assert client.get(detail(rec)).status_code == 404
    assert client.post(act(rec, "sanction"), {"imposed": "no", "reason": "x"}).status_code in (
        403,
        404,
    )
    assert rec.number not in client.get(reverse("followup:desk")).content.decode()


def test_gakkumdu_moves_the_criminal_path(sign_in: SignIn, make_user: Any) -> None:
    rec = _rec(make_user, Verdict.CRIMINAL)
    client, _ = sign_in(Role.GAKKUMDU, "32.75")
    page = client.get(detail(rec)).content.decode()
    assert "Penerusan ke Sentra Gakkumdu" in page and 'id="tindakan-advance"' in page
    assert client.post(act(rec, "advance"), {"stage": "high_court"}).status_code == 400
    assert client.post(act(rec, "advance"), {"stage": "first_discussion"}).status_code == 302
    rec.refresh_from_db()
    assert rec.criminal_stage == "first_discussion"


def test_compliance_page_counts(sign_in: SignIn, make_user: Any) -> None:
    followed = _rec(make_user)
    ignored = _rec(make_user, reported_nip="", reported_name="Siti Aminah")
    bkn = make_user(Role.BKN_OFFICER)
    for rec in (followed, ignored):
        services.recommendation_assess(actor=bkn, rec_id=rec.pk, assessment="x", sanction="moral")
    services.sanction_record(
        actor=make_user(Role.PPK_OFFICE, "32.75"),
        rec_id=followed.pk,
        imposed=True,
        decree_number="1",
        decree_date=timezone.localdate(),
        sanction="moral",
    )
    Recommendation.objects.filter(pk=ignored.pk).update(
        due_at=timezone.now() - datetime.timedelta(days=1)
    )
    client, _ = sign_in(Role.BAWASLU_LEADER, None)
    body = client.get(reverse("followup:compliance")).content.decode()
    assert "Kota Bekasi" in body
    assert "2 rekomendasi ke BKN: 50,0% ditindaklanjuti" in body
    assert "Median 0 hari" in body
    ppk_client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    assert ppk_client.get(reverse("followup:compliance")).status_code == 403


def test_decree_file_is_kept_and_opened_by_those_who_see_it(
    sign_in: SignIn, make_user: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netral.audit.models import AuditEntry

    rec = _rec(make_user)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="moral"
    )
    client, _ = sign_in(Role.PPK_OFFICE, "32.75")
    pdf = b"%PDF-1.4\n% keputusan bupati\n"
    upload = SimpleUploadedFile("sk.pdf", pdf, content_type="application/pdf")
    data = {
        "imposed": "yes",
        "decree_number": "800/1",
        "decree_date": str(timezone.localdate()),
        "sanction": "moral",
        "option": "pernyataan_tertutup",
        "decree_file": upload,
    }
    assert client.post(act(rec, "sanction"), data).status_code == 302
    url = reverse("followup:decree", kwargs={"rec_id": rec.pk})
    assert url in client.get(detail(rec)).content.decode()
    leader, _ = sign_in(Role.BAWASLU_LEADER, "32.75")
    response = leader.get(url)
    assert response.status_code == 200 and response.content == pdf
    assert response["Content-Disposition"].startswith("attachment")
    assert AuditEntry.objects.filter(action="recommendation.decree_open").count() == 1
    outsider, _ = sign_in(Role.PPK_OFFICE, "32.73")
    assert outsider.get(url).status_code == 404


def test_dashboard_shows_compliance_of_its_scope(sign_in: SignIn, make_user: Any) -> None:
    rec = _rec(make_user)
    services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER), rec_id=rec.pk, assessment="x", sanction="moral"
    )
    services.sanction_record(
        actor=make_user(Role.PPK_OFFICE, "32.75"),
        rec_id=rec.pk,
        imposed=True,
        decree_number="1",
        decree_date=timezone.localdate(),
        sanction="moral",
    )
    client, _ = sign_in(Role.BAWASLU_LEADER, "32")
    body = client.get(reverse("analytics:dashboard")).content.decode()
    row = body[body.index('id="kepatuhan-total"') :]
    assert '<td class="numeric">1</td>' in row[:300] and "100,0%" in row[:600]
    aceh, _ = sign_in(Role.BAWASLU_LEADER, "11")
    body = aceh.get(reverse("analytics:dashboard")).content.decode()
    assert 'id="kepatuhan-total"' not in body


def test_case_page_lists_its_recommendations_and_documents(sign_in: SignIn, make_user: Any) -> None:
    rec = _rec(make_user, Verdict.CRIMINAL)
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    body = client.get(reverse("cases:case_detail", kwargs={"case_id": rec.case_id})).content
    page = body.decode()
    assert detail(rec) in page and "Sentra Gakkumdu" in page
    assert 'id="dokumen"' in page and "Pemberitahuan registrasi" in page
