"""IMAP polling: unseen mail of the intake mailbox becomes reports; each is read once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail

from netral.channels.imap import imap_poll
from netral.channels.tests.fake_imap import PASSWORD, USER, Mailbox, fake_imap_server
from netral.channels.tests.mails import report_mail
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, str]]:
    with fake_imap_server() as (box, port):
        yield box, f"imap://{USER}:{PASSWORD}@127.0.0.1:{port}/INBOX"


def test_unseen_mail_is_taken_in_once_and_marked_seen(
    mailbox: tuple[Mailbox, str], django_capture_on_commit_callbacks: Any
) -> None:
    box, url = mailbox
    box.messages[7] = report_mail()
    box.messages[8] = report_mail("Nama terlapor: Budi\n")  # incomplete: answered, not stored
    with django_capture_on_commit_callbacks(execute=True):
        first = imap_poll(url=url)
    assert first == {"stored": 1, "refused": 1}
    assert box.seen == {7, 8}
    assert Report.objects.get().channel == "email"
    assert imap_poll(url=url) == {}
    subjects = sorted(
        m.subject.split(":")[0] for m in mail.outbox if "Auto-Submitted" in m.extra_headers
    )
    assert subjects == ["Belum dapat diterima", "Diterima"]
