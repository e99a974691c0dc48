"""Links that leave the site (mails, PDFs) are the public address plus the path Django gives
the view: the digest links the case inbox (it linked a 404 before), and no link names a port
that NETRAL_SITE_URL does not."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.urls import resolve
from django.utils import timezone

from conftest import SignIn
from netral.cases.digest import DigestLine, OfficeDigest
from netral.cases.tasks import digest_message
from netral.cases.tests.factories import case_from_report
from netral.documents.services import document_verify_url
from netral.reports.models import Contact
from netral.reports.tasks import notify_reporter

SITE = "http://netral.example:8123"


def links(text: str) -> list[str]:
    return re.findall(r"https?://\S+", text)


@pytest.fixture(autouse=True)
def site(settings: Any) -> None:
    settings.NETRAL_SITE_URL = SITE


@pytest.mark.usefixtures("elections")
def test_the_digest_links_the_inbox_and_it_opens(sign_in: SignIn) -> None:
    line = DigestLine(
        case_id=1,
        label="001/Reg/LP/PK/32.75/X/2024",
        status_label="Diterima",
        due_at=timezone.now(),
    )
    digest = OfficeDigest(
        office_code="32.75",
        office_name="Kota Bekasi",
        tz_name="Asia/Jakarta",
        tz_abbr="WIB",
        recipients=("staf@bawaslu.example",),
        overdue=(line,),
        due_soon=(),
    )
    body = str(digest_message(digest=digest, now=timezone.now()).body)
    (link,) = links(body)
    assert link.startswith(SITE + "/")
    client, _ = sign_in("bawaslu_staff", "32.75")
    assert client.get(link.removeprefix(SITE)).status_code == 200


@pytest.mark.usefixtures("elections")
def test_reporter_notices_and_document_links_follow_the_site_address() -> None:
    case, _ = case_from_report()
    report = case.reports.get()
    Contact.objects.update_or_create(report=report, defaults={"email": "pelapor@example.org"})
    assert notify_reporter.call(report_id=report.pk, event="status")
    (link,) = links(str(mail.outbox[-1].body))
    assert (
        link.startswith(SITE + "/") and resolve(link.removeprefix(SITE)).url_name == "track_start"
    )
    verify = document_verify_url(number="NTR/2024/3275/000001")
    assert verify == SITE + "/verify/NTR/2024/3275/000001"
    assert resolve(verify.removeprefix(SITE)).url_name == "verify"
    assert ":8000" not in verify + link
