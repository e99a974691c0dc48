"""A case taken through the real workflow up to (and through) the plenary decision."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from netral.accounts.models import Role, User
from netral.cases import services as case_services
from netral.cases.models import Case, Verdict
from netral.cases.tests.factories import case_from_report
from netral.followup.models import Recommendation
from netral.rules.selectors import requirement_list


def studied_case(make_user: Callable[..., User], *, office: str = "32.75", **report: Any) -> Case:
    """A report in ``office``'s region, registered and studied: ready for the plenary."""
    case, _ = case_from_report(region=office, **report)
    staff = make_user(Role.BAWASLU_STAFF, office)
    checklist = {r.code: True for r in requirement_list()}
    case_services.case_register(actor=staff, case_id=case.pk, formal=checklist)
    case_services.case_start_study(actor=staff, case_id=case.pk)
    case_services.case_record_study(
        actor=staff,
        case_id=case.pk,
        facts="Unggahan di akun pribadi terlapor pada masa kampanye.",
        analysis="Memenuhi unsur keberpihakan menurut SKB 2022.",
        conclusion="Terbukti melanggar.",
    )
    return case


def decided_case(
    make_user: Callable[..., User], *, verdicts: list[str], office: str = "32.75", **report: Any
) -> Case:
    """A report in ``office``'s region, registered, studied and decided with ``verdicts``."""
    case = studied_case(make_user, office=office, **report)
    leader = make_user(Role.BAWASLU_LEADER, office)
    return case_services.case_decide(
        actor=leader, case_id=case.pk, verdicts=verdicts, reason="Pleno 3 Desember."
    )


def bare_decided_case(make_user: Callable[..., User], **report: Any) -> Case:
    """A case decided (ASN neutrality), its own recommendation removed: a test adds the
    recommendations it needs with ``bkn_recommendation``."""
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY], **report)
    Recommendation.objects.get(case=case).delete()
    return case


def bkn_recommendation(
    case: Case, *, number: str, issued_at: datetime.datetime, issued_by: User, **fields: Any
) -> Recommendation:
    """A recommendation to BKN on ``case`` for ASN neutrality, with ``fields`` set."""
    return Recommendation.objects.create(
        case=case,
        addressee="bkn",
        verdict=Verdict.ASN_NEUTRALITY,
        addressee_name="BKN",
        body="-",
        number=number,
        issued_at=issued_at,
        issued_by=issued_by,
        **fields,
    )
