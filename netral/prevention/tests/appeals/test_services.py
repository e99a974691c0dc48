"""Appeal services: who may address whom, draft -> issue (numbered letter, deadlines, mail),
the addressee's acknowledgement and follow-up; 404 outside, 403 for the wrong role, audit."""

from __future__ import annotations

import datetime
import hashlib
import io
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from pypdf import PdfReader

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.documents.models import IssuedDocument
from netral.documents.services import document_pdf
from netral.elections.models import Election
from netral.prevention import appeals as services
from netral.prevention.models import APPEAL_BLOBS, Appeal, AppealFollowUp, AppealRecipient
from netral.prevention.tests.appeals.conftest import PDF, only
from netral.rules.deadlines import add_working_days, non_working_days
from netral.rules.selectors import collective_leave_dates

pytestmark = pytest.mark.django_db(transaction=False)

MakeAppeal = Callable[..., Appeal]


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


def _entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("seq"))


def _recipient(appeal: Appeal, region: str = "32.75") -> AppealRecipient:
    return AppealRecipient.objects.get(appeal=appeal, region_id=region)


# --- Draft ---------------------------------------------------------------------------------


def test_draft_from_template_fills_placeholders_and_is_audited(make_appeal: MakeAppeal) -> None:
    appeal = make_appeal()
    assert appeal.status == Appeal.Status.DRAFT
    assert appeal.office_region_id == "32.75"
    assert "Yth. Wali Kota Bekasi," in appeal.body
    assert "Bawaslu Kota Bekasi" in appeal.body
    assert "{" not in appeal.body
    assert "UU 20/2023 tentang ASN, Pasal 24 ayat (1)" in appeal.legal_basis.splitlines()
    assert only(appeal.recipients.all()).addressee == "Wali Kota Bekasi"
    entry = only(_entries("appeal.create"))
    assert entry.object_id == str(appeal.pk)
    assert entry.after["recipients"] == ["32.75"]


def test_provincial_office_addresses_the_governor_and_every_regency(
    make_appeal: MakeAppeal, jabar_office: User, jabar_election: Election
) -> None:
    regions = ("32", "32.01", "32.75")
    appeal = make_appeal(jabar_office, election=jabar_election, regions=regions)
    addressees = dict(appeal.recipients.values_list("region_id", "addressee"))
    assert addressees == {
        "32": "Gubernur Jawa Barat",
        "32.01": "Bupati Bogor",
        "32.75": "Wali Kota Bekasi",
    }
    assert appeal.body.startswith("Yth. Bapak/Ibu Kepala Daerah,")


def test_regency_office_addresses_only_its_own_head(make_appeal: MakeAppeal) -> None:
    for outside in ("32.73", "32", "31.71"):
        with pytest.raises(ApplicationError, match="di luar wilayah kerja Bawaslu Kota Bekasi"):
            make_appeal(regions=("32.75", outside))
    assert not Appeal.objects.exists()


def test_provincial_office_cannot_address_another_province(
    make_appeal: MakeAppeal, jabar_office: User, jabar_election: Election
) -> None:
    with pytest.raises(ApplicationError, match="Jawa Tengah berada di luar"):
        make_appeal(jabar_office, election=jabar_election, regions=("33",))


def test_bawaslu_ri_addresses_any_region_but_no_administrative_city(
    make_appeal: MakeAppeal, make_user: Callable[..., User], jabar_election: Election
) -> None:
    ri = make_user("bawaslu_leader")
    appeal = make_appeal(ri, election=jabar_election, regions=("32", "91.71", "11"))
    assert appeal.office_region is None
    assert appeal.recipients.count() == 3
    with pytest.raises(ApplicationError, match="wilayah administrasi"):
        make_appeal(ri, election=jabar_election, regions=("31.71",))


def test_draft_refuses_bad_input(make_appeal: MakeAppeal, elections: None) -> None:
    with pytest.raises(ApplicationError, match="Templat imbauan 'nope' tidak dikenal"):
        make_appeal(template="nope")
    with pytest.raises(ApplicationError, match="sedikitnya satu"):
        make_appeal(regions=())
    with pytest.raises(ApplicationError, match=r"Wilayah '99\.99' tidak dikenal"):
        make_appeal(regions=("99.99",))
    elsewhere = Election.objects.get(region_id="33.74")  # Kota Semarang
    with pytest.raises(ApplicationError, match="tidak diawasi kantor Anda"):
        make_appeal(election=elsewhere)


def test_regency_office_may_appeal_for_its_province_governor_election(
    make_appeal: MakeAppeal, jabar_election: Election
) -> None:
    assert make_appeal(election=jabar_election).election == jabar_election


def test_ppk_may_not_draft(make_appeal: MakeAppeal, bekasi_ppk: User) -> None:
    with pytest.raises(PermissionDenied):
        make_appeal(bekasi_ppk)


# --- Update --------------------------------------------------------------------------------


def test_update_edits_text_and_addressees(
    make_appeal: MakeAppeal, jabar_office: User, jabar_election: Election
) -> None:
    appeal = make_appeal(jabar_office, election=jabar_election, regions=("32", "32.01"))
    services.appeal_update(
        actor=jabar_office,
        appeal_id=appeal.pk,
        subject="  Imbauan   netralitas ",
        body="Isi baru.\r\n\r\nParagraf dua.\r\n",
        legal_basis="UU 20/2023\n\n  PP 94/2021 \n",
        recipient_region_codes=["32.01", "32.75"],
    )
    appeal.refresh_from_db()
    assert appeal.subject == "Imbauan netralitas"
    assert appeal.legal_basis == "UU 20/2023\nPP 94/2021"
    assert appeal.body == "Isi baru.\n\nParagraf dua."
    assert sorted(appeal.recipients.values_list("region_id", flat=True)) == ["32.01", "32.75"]
    entry = only(_entries("appeal.update"))
    assert entry.after["added"] == ["32.75"] and entry.after["removed"] == ["32"]


def test_update_refuses_empty_text(make_appeal: MakeAppeal, bekasi_office: User) -> None:
    appeal = make_appeal()
    for field, kwargs in (
        ("subject", {"subject": " "}),
        ("body", {"body": " \r\n "}),
        ("legal_basis", {"legal_basis": "\n \n"}),
    ):
        values = {"subject": "S", "body": "B", "legal_basis": "L", **kwargs}
        with pytest.raises(ApplicationError) as refused:
            services.appeal_update(
                actor=bekasi_office,
                appeal_id=appeal.pk,
                recipient_region_codes=["32.75"],
                **values,
            )
        assert refused.value.field == field


def test_update_of_another_office_is_not_found(
    make_appeal: MakeAppeal, make_user: Callable[..., User]
) -> None:
    appeal = make_appeal()
    neighbour = make_user("bawaslu_staff", "32.73")
    with pytest.raises(NotFound):
        services.appeal_update(
            actor=neighbour,
            appeal_id=appeal.pk,
            subject="x",
            body="x",
            legal_basis="x",
            recipient_region_codes=["32.73"],
        )


def test_issued_appeal_cannot_be_edited(make_appeal: MakeAppeal, bekasi_office: User) -> None:
    appeal = make_appeal(issue=True)
    with pytest.raises(ApplicationError, match="sudah diterbitkan"):
        services.appeal_update(
            actor=bekasi_office,
            appeal_id=appeal.pk,
            subject="x",
            body="x",
            legal_basis="x",
            recipient_region_codes=["32.75"],
        )
    with pytest.raises(ApplicationError, match="sudah diterbitkan"):
        services.appeal_issue(actor=bekasi_office, appeal_id=appeal.pk)


# --- Issue ---------------------------------------------------------------------------------


def test_issue_numbers_the_letter_in_the_office_series_and_keeps_deadlines(
    make_appeal: MakeAppeal,
    bekasi_office: User,
    bekasi_ppk: User,
    smtp: Inbox,
    django_capture_on_commit_callbacks: Any,
) -> None:
    appeal = make_appeal()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        appeal = services.appeal_issue(actor=bekasi_office, appeal_id=appeal.pk)
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.ISSUED
    assert appeal.document_id is not None and appeal.issued_at is not None
    assert appeal.acknowledge_due_at is not None and appeal.follow_up_due_at is not None
    document = IssuedDocument.objects.get(pk=appeal.document_id)
    year = before.astimezone(ZoneInfo("Asia/Jakarta")).year
    assert document.number == f"NTR/{year}/3275/000001"
    assert document.kind == "appeal" and (document.subject_type, document.subject_id) == (
        "appeal",
        str(appeal.pk),
    )
    assert not document.pending  # rendered after the commit (immediate task backend)
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(document_pdf(document=document))).pages
    )
    assert document.number in text and "Wali Kota Bekasi" in text and "Kampanye" in text
    # 3 and 10 working days after the local issue day (appeals.toml, confirmed = false).
    tz = ZoneInfo("Asia/Jakarta")
    issued_day = appeal.issued_at.astimezone(tz).date()
    off = non_working_days(
        years=range(issued_day.year, issued_day.year + 2),
        collective_leave=collective_leave_dates(),
    )
    assert appeal.acknowledge_due_at.astimezone(tz).date() == add_working_days(issued_day, 3, off)
    assert appeal.follow_up_due_at.astimezone(tz).date() == add_working_days(issued_day, 10, off)
    assert appeal.acknowledge_due_at.astimezone(tz).time() == datetime.time(23, 59, 59)
    assert appeal.rulebook_version
    entry = only(_entries("appeal.issue"))
    assert entry.after["number"] == document.number
    # Delivered by e-mail to the addressee's PPK office, once, with the letter attached.
    rcpt, message = only(smtp.messages)
    assert rcpt == ["bkpsdm@bekasikota.example.org"]
    assert document.number in message["Subject"]
    parts = [p.get_content_type() for p in message.walk()]
    assert "application/pdf" in parts
    assert _recipient(appeal).emailed_at is not None


def test_issue_without_addressees_is_refused(make_appeal: MakeAppeal, bekasi_office: User) -> None:
    appeal = make_appeal()
    appeal.recipients.all().delete()
    with pytest.raises(ApplicationError, match="sedikitnya satu"):
        services.appeal_issue(actor=bekasi_office, appeal_id=appeal.pk)
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.DRAFT
    assert not IssuedDocument.objects.exists()


def test_issue_outside_the_office_is_not_found_and_ppk_is_forbidden(
    make_appeal: MakeAppeal, make_user: Callable[..., User], bekasi_ppk: User
) -> None:
    appeal = make_appeal()
    with pytest.raises(NotFound):
        services.appeal_issue(actor=make_user("bawaslu_staff", "32.73"), appeal_id=appeal.pk)
    with pytest.raises(PermissionDenied):
        services.appeal_issue(actor=bekasi_ppk, appeal_id=appeal.pk)


def test_provincial_office_may_issue_a_regency_office_draft(
    make_appeal: MakeAppeal, jabar_office: User
) -> None:
    appeal = make_appeal()
    issued = services.appeal_issue(actor=jabar_office, appeal_id=appeal.pk)
    assert issued.document is not None and "/3275/" in issued.document.number


# --- Acknowledge ---------------------------------------------------------------------------


def test_acknowledge_records_who_and_when_once(make_appeal: MakeAppeal, bekasi_ppk: User) -> None:
    appeal = make_appeal(issue=True)
    recipient = _recipient(appeal)
    done = services.appeal_acknowledge(
        actor=bekasi_ppk, recipient_id=recipient.pk, name="Dr. H. Junaedi", position="Sekda"
    )
    assert done.acknowledged_at is not None and done.acknowledged_by == bekasi_ppk
    assert (done.acknowledger_name, done.acknowledger_position) == ("Dr. H. Junaedi", "Sekda")
    assert only(_entries("appeal.acknowledge")).after["name"] == "Dr. H. Junaedi"
    with pytest.raises(services.AlreadyAcknowledged, match=r"dikonfirmasi oleh Dr\. H\. Junaedi"):
        services.appeal_acknowledge(
            actor=bekasi_ppk, recipient_id=recipient.pk, name="Orang lain", position="Lain"
        )
    recipient.refresh_from_db()
    assert recipient.acknowledger_name == "Dr. H. Junaedi"
    assert len(_entries("appeal.acknowledge")) == 1


def test_acknowledge_needs_name_and_position(make_appeal: MakeAppeal, bekasi_ppk: User) -> None:
    recipient = _recipient(make_appeal(issue=True))
    with pytest.raises(ApplicationError) as refused:
        services.appeal_acknowledge(
            actor=bekasi_ppk, recipient_id=recipient.pk, name=" ", position="Sekda"
        )
    assert refused.value.field == "name"
    with pytest.raises(ApplicationError) as refused:
        services.appeal_acknowledge(
            actor=bekasi_ppk, recipient_id=recipient.pk, name="A", position=""
        )
    assert refused.value.field == "position"


def test_acknowledge_other_region_draft_and_wrong_role(
    make_appeal: MakeAppeal,
    make_user: Callable[..., User],
    bekasi_ppk: User,
    bekasi_office: User,
) -> None:
    issued = _recipient(make_appeal(issue=True))
    draft = _recipient(make_appeal())
    args = {"name": "A", "position": "B"}
    with pytest.raises(NotFound):  # another region's PPK office
        services.appeal_acknowledge(actor=make_user("ppk", "32.73"), recipient_id=issued.pk, **args)
    with pytest.raises(NotFound):  # the governor's PPK office does not see its regencies'
        services.appeal_acknowledge(actor=make_user("ppk", "32"), recipient_id=issued.pk, **args)
    with pytest.raises(NotFound):  # not issued yet: not on the desk
        services.appeal_acknowledge(actor=bekasi_ppk, recipient_id=draft.pk, **args)
    with pytest.raises(PermissionDenied):  # Bawaslu does not answer its own appeal
        services.appeal_acknowledge(actor=bekasi_office, recipient_id=issued.pk, **args)


# --- Follow-up -----------------------------------------------------------------------------


def test_circular_letter_is_sealed_with_its_sha256(
    make_appeal: MakeAppeal, bekasi_ppk: User
) -> None:
    recipient = _recipient(make_appeal(issue=True))
    today = timezone.localdate()
    follow_up = services.appeal_follow_up_record(
        actor=bekasi_ppk,
        recipient_id=recipient.pk,
        kind=AppealFollowUp.Kind.CIRCULAR,
        date=today,
        number="800/123/BKPSDM",
        file=PDF,
    )
    assert follow_up.file_sha256 == hashlib.sha256(PDF).hexdigest()
    assert blobs.get(APPEAL_BLOBS, follow_up.file_path) == PDF
    assert PDF not in blobs.read_sealed(follow_up.file_path)  # encrypted at rest
    recipient.refresh_from_db()
    assert recipient.followed_up_at is not None
    entry = only(_entries("appeal.follow_up"))
    assert entry.after["sha256"] == follow_up.file_sha256
    # A briefing later: counted, the first follow-up time stays.
    first = recipient.followed_up_at
    services.appeal_follow_up_record(
        actor=bekasi_ppk,
        recipient_id=recipient.pk,
        kind=AppealFollowUp.Kind.BRIEFING,
        date=today,
        asn_reached=420,
        number="ignored",
    )
    recipient.refresh_from_db()
    assert recipient.followed_up_at == first
    briefing = recipient.follow_ups.get(kind=AppealFollowUp.Kind.BRIEFING)
    assert (briefing.asn_reached, briefing.number) == (420, "")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "sms"}, "kind"),
        ({"date": None}, "date"),
        ({"date": timezone.localdate() + datetime.timedelta(days=2)}, "date"),
        ({"date": datetime.date(2020, 1, 1)}, "date"),
        ({"number": " "}, "number"),
        ({"file": b"GIF89a not a pdf"}, "file"),
        ({"file": b"%PDF-" + b"0" * services.MAX_FILE_BYTES}, "file"),
        ({"kind": "briefing", "asn_reached": None}, "asn_reached"),
        ({"kind": "briefing", "asn_reached": 0}, "asn_reached"),
        ({"kind": "briefing", "asn_reached": 10, "file": PDF}, "file"),
    ],
)
def test_follow_up_rules(
    make_appeal: MakeAppeal, bekasi_ppk: User, kwargs: dict[str, Any], field: str
) -> None:
    recipient = _recipient(make_appeal(issue=True))
    values: dict[str, Any] = {
        "kind": "circular",
        "date": timezone.localdate(),
        "number": "800/1",
        **kwargs,
    }
    with pytest.raises(ApplicationError) as refused:
        services.appeal_follow_up_record(actor=bekasi_ppk, recipient_id=recipient.pk, **values)
    assert refused.value.field == field
    assert not AppealFollowUp.objects.exists()
    recipient.refresh_from_db()
    assert recipient.followed_up_at is None


def test_follow_up_by_another_region_is_not_found(
    make_appeal: MakeAppeal, make_user: Callable[..., User], bekasi_office: User
) -> None:
    recipient = _recipient(make_appeal(issue=True))
    args: dict[str, Any] = {"kind": "circular", "date": timezone.localdate(), "number": "1"}
    with pytest.raises(NotFound):
        services.appeal_follow_up_record(
            actor=make_user("ppk", "32.73"), recipient_id=recipient.pk, **args
        )
    with pytest.raises(PermissionDenied):
        services.appeal_follow_up_record(actor=bekasi_office, recipient_id=recipient.pk, **args)
