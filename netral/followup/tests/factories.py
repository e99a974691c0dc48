"""A case taken through the real workflow up to (and through) the plenary decision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netral.accounts.models import Role, User
from netral.cases import services as case_services
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
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
