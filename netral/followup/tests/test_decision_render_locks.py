"""A plenary decision renders its letters' PDFs outside its locks (PostgreSQL only: SQLite
locks the whole database; CI runs the suite on PostgreSQL too).

While the renderer of one office's decision is held, that decision's case row and its
office's document counter are free: another office decides its own case and issues its own
document, and the same office takes its next number, without waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction

from netral.accounts.models import Role, User
from netral.audit.selectors import audit_verify
from netral.cases import services as case_services
from netral.cases.documents import case_document_issue
from netral.cases.models import Case, Status, Verdict
from netral.cases.tests.factories import case_from_report
from netral.documents import services as document_services
from netral.documents.models import DocumentCounter, IssuedDocument
from netral.followup.models import Recommendation
from netral.rules.selectors import requirement_list

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite: one lock)"
    ),
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("elections"),
]

WAIT = 20  # seconds: only reached when something is wrong


def _lock_timeout(seconds: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = '{seconds}s'")


def _studied(make_user: Callable[..., User], office: str, agency: str) -> tuple[Case, User]:
    case, _ = case_from_report(region=office, agency=agency)
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
    return case, make_user(Role.BAWASLU_LEADER, office)


def test_other_offices_act_while_a_decisions_letters_render(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bekasi_case, bekasi_leader = _studied(make_user, "32.75", "Dinas Pendidikan Kota Bekasi")
    bandung_case, bandung_leader = _studied(make_user, "32.73", "Dinas Pendidikan Kota Bandung")
    bekasi_staff = make_user(Role.BAWASLU_STAFF, "32.75")

    # Hold the renderer while it renders Bekasi's letter (only in the deciding thread).
    rendering, release = threading.Event(), threading.Event()
    real_pdf = document_services.official_pdf

    def paused_pdf(document: Any) -> bytes:
        if threading.current_thread().name == "bekasi-decision":
            rendering.set()
            assert release.wait(WAIT)
        return real_pdf(document)

    monkeypatch.setattr(document_services, "official_pdf", paused_pdf)
    errors: list[BaseException] = []

    def decide() -> None:
        try:
            _lock_timeout(5)
            case_services.case_decide(
                actor=bekasi_leader,
                case_id=bekasi_case.pk,
                verdicts=[Verdict.ASN_NEUTRALITY],
                reason="Pleno 3 Desember.",
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    held = threading.Thread(target=decide, name="bekasi-decision")
    held.start()
    try:
        assert rendering.wait(WAIT)
        _lock_timeout(3)  # before: "canceling statement due to lock timeout"
        # The decision's rows are free while its PDF renders: the case row and the counter.
        with transaction.atomic():
            Case.objects.select_for_update(nowait=True).get(pk=bekasi_case.pk)
            DocumentCounter.objects.select_for_update(nowait=True).get(scope="3275")
        # Another office decides its case (its letter rendered) and issues a notice.
        case_services.case_decide(
            actor=bandung_leader,
            case_id=bandung_case.pk,
            verdicts=[Verdict.ASN_NEUTRALITY],
            reason="Pleno 4 Desember.",
        )
        notice = case_document_issue(
            actor=make_user(Role.BAWASLU_STAFF, "32.73"),
            case_id=bandung_case.pk,
            kind="registration_notice",
        )
        # The deciding office itself takes its next number meanwhile.
        own = case_document_issue(
            actor=bekasi_staff, case_id=bekasi_case.pk, kind="registration_notice"
        )
        bekasi_letter = Recommendation.objects.get(case=bekasi_case).letter_number
        assert IssuedDocument.objects.get(number=bekasi_letter).pending  # still rendering
        assert (
            own.number.endswith("/3275/000002")
            and not IssuedDocument.objects.get(pk=own.pk).pending
        )
        assert notice.number.endswith("/3273/000002")
        bandung_case.refresh_from_db()
        assert bandung_case.status == Status.DECIDED
    finally:
        release.set()
        held.join(WAIT)
    assert errors == []
    letter = IssuedDocument.objects.get(number=bekasi_letter)
    assert not letter.pending
    assert document_services.document_verify_bytes(
        data=document_services.document_pdf(document=letter)
    ).genuine
    assert audit_verify() is None
