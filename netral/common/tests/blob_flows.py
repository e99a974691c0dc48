"""Every kind of blob Netral stores, made through the real services (for the rotation and
storage tests): evidence, official documents, a PPK decree, a clarification attachment."""

from __future__ import annotations

import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases import services as case_services
from netral.cases.clarification import clarification_invite, clarification_record_minutes
from netral.cases.models import Clarification, ClarificationAttachment, Verdict
from netral.cases.tests.factories import case_from_report
from netral.documents.models import IssuedDocument
from netral.followup import services as followup_services
from netral.followup.models import Recommendation, Sanction
from netral.followup.tests.factories import decided_case
from netral.reports.models import Evidence
from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif
from netral.rules.selectors import requirement_list

DECREE = b"%PDF-1.4 keputusan PPK"


@dataclass
class Stored:
    evidence: Evidence
    document: IssuedDocument
    sanction: Sanction
    attachment: ClarificationAttachment
    staff: User
    ppk: User


def store_one_of_each(client: Client, make_user: Callable[..., User]) -> Stored:
    # As after each commit in production: official documents render once their issue commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        stored = _store_one_of_each(client, make_user)
    stored.document.refresh_from_db()
    return stored


def _store_one_of_each(client: Client, make_user: Callable[..., User]) -> Stored:
    photo = io.BytesIO(jpeg_with_exif())
    photo.name = "bukti.jpg"
    response = client.post("/api/reports", {"report": json.dumps(valid()), "files": [photo]})
    assert response.status_code == 201, response.content
    evidence = Evidence.objects.get()

    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    followup_services.recommendation_assess(
        actor=make_user(Role.BKN_OFFICER),
        rec_id=rec.pk,
        assessment="Terbukti.",
        sanction="moderate",
    )
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    sanction = followup_services.sanction_record(
        actor=ppk,
        rec_id=rec.pk,
        imposed=True,
        decree_number="800/1/BKPSDM/2024",
        decree_date=timezone.localdate(),
        sanction="moderate",
        option="potong_tukin_6_bulan",
        decree_file=DECREE,
    )

    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    other, _code = case_from_report()
    formal = {r.code: True for r in requirement_list(kind="formal")}
    case_services.case_register(actor=staff, case_id=other.pk, formal=formal)
    case_services.case_start_clarification(actor=staff, case_id=other.pk)
    invitation = clarification_invite(
        actor=staff,
        case_id=other.pk,
        invitee_role=Clarification.InviteeRole.WITNESS,
        invitee_label="Saksi",
        scheduled_at=timezone.now() + datetime.timedelta(days=1),
        place="Kantor Bawaslu Kota Bekasi",
    )
    clarification_record_minutes(
        actor=staff,
        clarification_id=invitation.pk,
        attended=True,
        minutes="Saksi hadir.",
        files=[SimpleUploadedFile("foto.jpg", jpeg_with_exif(), content_type="image/jpeg")],
    )
    attachment = ClarificationAttachment.objects.get(clarification=invitation)
    # The workflow issued official documents on the way (notices, the recommendation letter).
    document = IssuedDocument.objects.order_by("pk").first()
    assert document is not None
    return Stored(evidence, document, sanction, attachment, staff, ppk)
