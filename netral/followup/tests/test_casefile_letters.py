"""Issue #14 item 6: the case file carries the recommendation letters follow-up issued on the
case (through the ``case_file_subjects`` hook), beside the case's own documents."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role, User
from netral.cases.casefile import case_file_download, case_file_request
from netral.cases.models import Verdict
from netral.documents.kinds import Subject
from netral.documents.services import documents_about
from netral.followup.models import Recommendation
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def test_case_file_holds_the_recommendation_letter(
    make_user: Callable[..., User], django_capture_on_commit_callbacks: Any
) -> None:
    case = decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    letter = documents_about([Subject.of("recommendation", rec.pk)]).get()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")

    with django_capture_on_commit_callbacks(execute=True):
        case_file = case_file_request(
            actor=staff, case_id=case.pk, recipient="bkn", include_identity=False
        )
    case_file.refresh_from_db()
    data, _ = case_file_download(actor=staff, case_id=case.pk, public_id=case_file.public_id)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert f"dokumen/{letter.number.replace('/', '-')}.pdf" in names
