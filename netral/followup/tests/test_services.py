from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.cases import services as case_services
from netral.cases.models import Verdict
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.followup import services
from netral.followup.models import (
    DECREE_BLOBS,
    Addressee,
    CriminalStep,
    Escalation,
    Recommendation,
    RecStatus,
)
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def _actions(rec: Recommendation) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="followup.recommendation", object_id=str(rec.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_decision_sends_each_violation_to_its_addressee(make_user: Any) -> None:
    case = decided_case(
        make_user, verdicts=[Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL, Verdict.ADMINISTRATIVE]
    )
    recs = {r.addressee: r for r in Recommendation.objects.filter(case=case)}
    assert set(recs) == {Addressee.BKN, Addressee.GAKKUMDU, Addressee.KPU}
    bkn = recs[Addressee.BKN]
    assert bkn.subject_name == "Drs. Bambang Wijaya"
    assert bkn.subject_nip == "198503172010011004"
    assert bkn.ppk_region_id == "32.75"  # a Kota Bekasi agency: the mayor is the PPK
    assert bkn.status == RecStatus.ISSUED and bkn.due_at is None
    gakkumdu = recs[Addressee.GAKKUMDU]
    # No violation type chosen: every Pilkada article on involving ASN (Ps. 188, 189).
    assert set(gakkumdu.articles) == {"pilkada_188", "pilkada_189"}
    # Forwarding to the police within 24 hours of the decision (UU 1/2015 Ps. 135(2)).
    assert case.decided_at is not None
    assert gakkumdu.due_at == case.decided_at + datetime.timedelta(hours=24)
    assert CriminalStep.objects.get(recommendation=gakkumdu).stage == "forwarding"
    assert recs[Addressee.KPU].addressee_name == "KPU Kota Bekasi"
    assert all(
        _actions(r) == ["recommendation.issue", "recommendation.letter"] for r in recs.values()
    )


def test_no_violation_sends_nothing(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.NO_VIOLATION])
    assert not Recommendation.objects.filter(case=case).exists()


def test_one_neutrality_recommendation_per_reported_person(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    assert Recommendation.objects.filter(case=case, addressee=Addressee.BKN).count() == 1


def test_provincial_and_central_agencies_route_to_their_ppk(make_user: Any) -> None:
    province = decided_case(
        make_user,
        verdicts=[Verdict.ASN_NEUTRALITY],
        agency="Badan Kesbangpol Provinsi Jawa Barat",
    )
    central = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY], agency="Kementerian Agama")
    assert Recommendation.objects.get(case=province).ppk_region_id == "32"
    assert Recommendation.objects.get(case=central).ppk_region_id is None


def _to_ppk(make_user: Any) -> tuple[Recommendation, Any, Any]:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    bkn = make_user(Role.BKN_OFFICER)
    services.recommendation_assess(
        actor=bkn,
        rec_id=rec.pk,
        assessment="Terbukti mengunggah materi kampanye.",
        sanction="moderate",
    )
    rec.refresh_from_db()
    return rec, bkn, make_user(Role.PPK_OFFICE, "32.75")


def test_bkn_assessment_starts_the_ppk_deadline(make_user: Any) -> None:
    rec, _, _ = _to_ppk(make_user)
    assert rec.status == RecStatus.ASSESSED
    assert rec.recommended_sanction == "moderate"
    assert rec.assessed_at is not None and rec.due_at is not None
    # 14 working days: at least 14 calendar days later (weekends and holidays only add).
    assert rec.due_at - rec.assessed_at >= datetime.timedelta(days=14)
    assert _actions(rec) == [
        "recommendation.issue",
        "recommendation.letter",
        "recommendation.assess",
    ]


def test_assessment_needs_text_and_a_known_sanction(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    bkn = make_user(Role.BKN_OFFICER)
    with pytest.raises(ApplicationError, match="wajib"):
        services.recommendation_assess(
            actor=bkn, rec_id=rec.pk, assessment=" ", sanction="moderate"
        )
    with pytest.raises(ApplicationError, match="tidak dikenal"):
        services.recommendation_assess(actor=bkn, rec_id=rec.pk, assessment="x", sanction="exile")


def test_only_bkn_assesses(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    with pytest.raises(PermissionDenied):
        services.recommendation_assess(
            actor=leader, rec_id=rec.pk, assessment="x", sanction="moral"
        )


def test_ppk_records_the_sanction_with_the_decree(make_user: Any) -> None:
    rec, _, ppk = _to_ppk(make_user)
    today = timezone.localdate()
    sanction = services.sanction_record(
        actor=ppk,
        rec_id=rec.pk,
        imposed=True,
        decree_number="800/123/BKPSDM/2024",
        decree_date=today,
        sanction="moderate",
        option="potong_tukin_6_bulan",
        decree_file=b"%PDF-1.4 keputusan",
    )
    rec.refresh_from_db()
    assert rec.status == RecStatus.SANCTIONED and rec.ended_at is not None
    assert rec.due_at is not None  # kept: whether the PPK answered in time
    assert blobs.get(DECREE_BLOBS, sanction.file_path) == b"%PDF-1.4 keputusan"
    assert _actions(rec)[-1] == "recommendation.sanction"


def test_ppk_must_give_a_reason_not_to_impose(make_user: Any) -> None:
    rec, _, ppk = _to_ppk(make_user)
    with pytest.raises(ApplicationError, match="Alasan"):
        services.sanction_record(actor=ppk, rec_id=rec.pk, imposed=False, reason="")
    services.sanction_record(actor=ppk, rec_id=rec.pk, imposed=False, reason="ASN sudah pensiun.")
    rec.refresh_from_db()
    assert rec.status == RecStatus.NOT_IMPOSED


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("decree_date", "future", "masa depan"),
        ("decree_date", "before", "sebelum putusan"),
        ("option", "pernyataan_terbuka", "tidak sesuai"),
        ("decree_number", "", "wajib"),
    ],
)
def test_sanction_rules(make_user: Any, field: str, value: str, message: str) -> None:
    rec, _, ppk = _to_ppk(make_user)
    today = timezone.localdate()
    data: dict[str, Any] = {
        "decree_number": "800/1/2024",
        "decree_date": today,
        "sanction": "moderate",
        "option": "potong_tukin_6_bulan",
    }
    dates = {
        "future": today + datetime.timedelta(days=1),
        "before": today - datetime.timedelta(days=30),
    }
    data[field] = dates.get(value, value)
    with pytest.raises(ApplicationError, match=message):
        services.sanction_record(actor=ppk, rec_id=rec.pk, imposed=True, **data)


def test_another_regions_ppk_cannot_see_or_record(make_user: Any) -> None:
    rec, _, _ = _to_ppk(make_user)
    other = make_user(Role.PPK_OFFICE, "32.73")
    with pytest.raises(NotFound):
        services.sanction_record(actor=other, rec_id=rec.pk, imposed=False, reason="x")


def test_ppk_sees_nothing_before_bkn_passes_it_on(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    with pytest.raises(NotFound):
        services.sanction_record(actor=ppk, rec_id=rec.pk, imposed=False, reason="x")


def test_overdue_ppk_is_flagged_once_and_bkn_records_a_measure(make_user: Any) -> None:
    rec, bkn, _ = _to_ppk(make_user)
    with pytest.raises(ApplicationError, match="tenggat"):
        services.escalation_measure_record(actor=bkn, rec_id=rec.pk, measure="Blokir data")
    assert rec.due_at is not None
    later = rec.due_at + datetime.timedelta(hours=1)
    assert services.escalations_flag_overdue(now=rec.due_at - datetime.timedelta(hours=1)) == []
    assert services.escalations_flag_overdue(now=later) == [rec.pk]
    assert services.escalations_flag_overdue(now=later) == []
    Recommendation.objects.filter(pk=rec.pk).update(
        due_at=timezone.now() - datetime.timedelta(hours=1)
    )
    services.escalation_measure_record(
        actor=bkn, rec_id=rec.pk, measure="Pemblokiran data kepegawaian ASN di SIASN."
    )
    kinds = list(Escalation.objects.filter(recommendation=rec).values_list("kind", flat=True))
    assert sorted(kinds) == ["measure", "overdue"]
    assert "recommendation.overdue" in _actions(rec)


def test_criminal_path_moves_stage_by_stage_with_deadlines(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.CRIMINAL])
    rec = Recommendation.objects.get(case=case)
    gakkumdu = make_user(Role.GAKKUMDU, "32.75")
    with pytest.raises(ApplicationError, match="tidak dapat menyusul"):
        services.criminal_advance(actor=gakkumdu, rec_id=rec.pk, stage="district_court")
    with pytest.raises(ApplicationError, match="tidak dapat diakhiri"):
        services.criminal_conclude(actor=gakkumdu, rec_id=rec.pk, outcome="Dihentikan")
    for stage in ("first_discussion", "study", "second_discussion", "investigation"):
        services.criminal_advance(actor=gakkumdu, rec_id=rec.pk, stage=stage)
    rec.refresh_from_db()
    step = CriminalStep.objects.get(recommendation=rec, stage="investigation")
    # 14 working days for the police to file the case with the prosecutor.
    assert step.due_at is not None and step.due_at - step.started_at >= datetime.timedelta(days=14)
    assert rec.due_at == step.due_at
    assert CriminalStep.objects.filter(recommendation=rec, completed_at__isnull=True).count() == 1
    services.criminal_conclude(actor=gakkumdu, rec_id=rec.pk, outcome="SP3: tidak cukup bukti.")
    rec.refresh_from_db()
    assert rec.status == RecStatus.CONCLUDED and rec.response.startswith("SP3")


def test_kpu_answers_its_recommendation_and_the_case_can_close(make_user: Any) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ADMINISTRATIVE])
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_services.case_announce(actor=staff, case_id=case.pk, summary="Pelanggaran administratif.")
    with pytest.raises(ApplicationError, match="belum dapat ditutup"):
        case_services.case_close(actor=staff, case_id=case.pk)
    rec = Recommendation.objects.get(case=case)
    kpu_elsewhere = make_user(Role.KPU, "32.73")
    with pytest.raises(NotFound):
        services.recommendation_respond(actor=kpu_elsewhere, rec_id=rec.pk, response="x")
    kpu = make_user(Role.KPU, "32.75")
    services.recommendation_respond(actor=kpu, rec_id=rec.pk, response="Sudah ditindaklanjuti.")
    closed = case_services.case_close(actor=staff, case_id=case.pk)
    assert closed.status == "closed"
