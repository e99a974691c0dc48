"""A plenary decision renders its letters' PDFs outside its locks (PostgreSQL only: SQLite
locks the whole database; CI runs the suite on PostgreSQL too).

While the renderer of one office's decision is held, that decision's case row and its
office's document counter are free: another office decides its own case and issues its own
document, and the same office takes its next number, without waiting.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import transaction

from netral.accounts.models import Role
from netral.audit.selectors import audit_verify
from netral.cases import services as case_services
from netral.cases.documents import case_document_issue
from netral.cases.models import Case, Status, Verdict
from netral.common.tests.concurrency import PG_ONLY, WAIT, lock_timeout, threads
from netral.documents import services as document_services
from netral.documents.models import DocumentCounter, IssuedDocument
from netral.followup.models import Recommendation
from netral.followup.tests.factories import studied_case

pytestmark = [*PG_ONLY, pytest.mark.usefixtures("elections")]


def test_other_offices_act_while_a_decisions_letters_render(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bekasi_case = studied_case(make_user, office="32.75", agency="Dinas Pendidikan Kota Bekasi")
    bandung_case = studied_case(make_user, office="32.73", agency="Dinas Pendidikan Kota Bandung")
    bekasi_leader = make_user(Role.BAWASLU_LEADER, "32.75")
    bandung_leader = make_user(Role.BAWASLU_LEADER, "32.73")
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

    def decide() -> None:
        case_services.case_decide(
            actor=bekasi_leader,
            case_id=bekasi_case.pk,
            verdicts=[Verdict.ASN_NEUTRALITY],
            reason="Pleno 3 Desember.",
        )

    with threads() as start:
        start(decide, name="bekasi-decision")
        try:
            assert rendering.wait(WAIT)
            lock_timeout(3)  # before: "canceling statement due to lock timeout"
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
    letter = IssuedDocument.objects.get(number=bekasi_letter)
    assert not letter.pending
    assert document_services.document_verify_bytes(
        data=document_services.document_pdf(document=letter)
    ).genuine
    assert audit_verify() is None
