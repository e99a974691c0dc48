"""WhatsApp intake end to end: Meta's webhook calls in, a real local Graph API server out."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.channels.conversation import EXPIRED
from netral.channels.models import Conversation, Delivery
from netral.channels.services import channels_purge
from netral.channels.tests.fake_graph import TOKEN, FakeGraph, fake_graph_server
from netral.channels.tests.whatsapp_helpers import (
    APP_SECRET,
    SENDER,
    VERIFY_TOKEN,
    jpeg,
    notification,
    post,
)
from netral.common import schedule
from netral.reports.models import Evidence, Report, Reporter

pytestmark = pytest.mark.usefixtures("elections")

ANSWERS = [
    "halo",
    "Budi Santoso",
    "Dinas Pendidikan Kota Bandung",
    "Dia mengajak para guru memilih pasangan calon nomor 2 saat apel pagi.",
    "kota bandung",
    "kemarin",
    "sama",
]


@pytest.fixture
def graph(settings: Any) -> Iterator[FakeGraph]:
    with fake_graph_server() as fake:
        settings.WHATSAPP_GRAPH_URL = fake.url
        settings.WHATSAPP_APP_SECRET = APP_SECRET
        settings.WHATSAPP_VERIFY_TOKEN = VERIFY_TOKEN
        settings.WHATSAPP_ACCESS_TOKEN = TOKEN
        yield fake


@pytest.fixture
def say(client: Client, graph: FakeGraph, django_capture_on_commit_callbacks: Any) -> Any:
    """Send one message as the reporter; returns the replies Netral sent back."""

    def send(text: str | None = None, **kwargs: Any) -> list[str]:
        before = len(graph.sent)
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, notification(text=text, **kwargs))
        assert response.status_code == 200, response.content
        return graph.texts()[before:]

    return send


def test_subscription_challenge(client: Client, graph: FakeGraph) -> None:
    url = "/channels/whatsapp/webhook"
    ok = client.get(
        url,
        {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"},
    )
    assert ok.status_code == 200 and ok.content == b"1158201444"
    wrong = client.get(
        url, {"hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1158201444"}
    )
    assert wrong.status_code == 403 and b"1158201444" not in wrong.content


def test_halo_to_receipt_code_that_resolves_at_lacak(
    say: Any, graph: FakeGraph, sign_in: SignIn
) -> None:
    graph.media["723904851234"] = (photo := jpeg(), "image/jpeg")
    for answer in ANSWERS:
        assert say(answer)
    assert "berkas" in say(media=("image", "723904851234"))[0]
    assert say("selesai")
    assert say("1")
    assert say("Rina Kartika")
    summary = say("Jl. Merdeka 1, Bandung")[0]
    assert "Budi Santoso" in summary and "Kota Bandung" in summary and "1 berkas" in summary
    # While it runs, neither the number nor the answers are readable in the database.
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, state FROM channels_conversation")
        stored = " ".join(cursor.fetchone())
    assert SENDER not in stored and "Rina" not in stored and "Budi" not in stored

    receipt = say("kirim")[0]
    code = "".join(ch for ch in receipt.split("*")[1] if ch.isdigit())
    assert len(code) == 16
    report = Report.objects.get()
    assert (report.channel, report.kind) == ("whatsapp", "laporan")
    assert Reporter.objects.get(report=report).phone == f"+{SENDER}"
    evidence = Evidence.objects.get(report=report)
    assert evidence.sha256 == hashlib.sha256(photo).hexdigest()
    assert not Conversation.objects.exists()

    tracker = Client()
    found = tracker.post("/lacak/", {"receipt_code": code})
    assert found.status_code == 302
    assert "Kota Bandung" in tracker.get(found["Location"]).content.decode()

    # Staff of the office with jurisdiction see the report, not the number (four-eyes reveal).
    staff, _user = sign_in("bawaslu_staff", "32.73")
    page = staff.get(
        reverse("reports_staff:report_detail", kwargs={"public_id": report.public_id})
    ).content.decode()
    assert "Budi Santoso" in page and "Identitas pelapor: dilindungi" in page
    assert SENDER not in page and "Rina Kartika" not in page


def test_anonymous_report_keeps_no_number(say: Any) -> None:
    for answer in ANSWERS:
        say(answer)
    say("lewati")
    say("2")
    receipt = say("kirim")[0]
    assert "informasi awal" in receipt
    report = Report.objects.get()
    assert report.kind == "informasi" and not Reporter.objects.exists()
    assert not Conversation.objects.exists()


def test_wrong_signature_is_refused_and_stores_nothing(client: Client, graph: FakeGraph) -> None:
    wrong = post(client, notification(text="halo"), secret="not-the-app-secret")
    unsigned = client.post("/channels/whatsapp/webhook", b"{}", content_type="application/json")
    assert (wrong.status_code, unsigned.status_code) == (401, 401)
    assert not Conversation.objects.exists() and not Delivery.objects.exists()
    assert graph.sent == []


def test_repeated_delivery_is_handled_once(say: Any, graph: FakeGraph) -> None:
    first = say("halo", message_id="wamid.same-one")
    assert first and say("halo", message_id="wamid.same-one") == []
    for answer in ANSWERS[1:]:
        say(answer)
    say("lewati")
    say("2")
    assert say("kirim", message_id="wamid.final")
    assert say("kirim", message_id="wamid.final") == []
    assert Report.objects.count() == 1


def test_expired_conversation_starts_over_without_the_old_answers(say: Any) -> None:
    say("halo")
    say("Budi Santoso")
    Conversation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    replies = say("Dinas Pendidikan")
    assert replies[0] == EXPIRED and replies[1].startswith("1/7")
    say("Siti Aminah")
    summary_free = say("Dinas Kesehatan")
    assert summary_free[0].startswith("3/7")


def test_wrong_answers_are_asked_again_with_the_reason(say: Any) -> None:
    for answer in ANSWERS[:3]:
        say(answer)
    assert "3/7" in say("pendek")[-1]  # the form's minimum length for a chronology
    say(ANSWERS[3])
    assert "4/7" in say("atlantis")[-1]
    assert "Yang mana?" in say("bandung")[0]
    assert "5/7" in say("1")[-1]
    assert "terbaca" in say("besok lusa")[0]


def test_bad_bodies_answer_clearly(client: Client, graph: FakeGraph) -> None:
    deep = b"[" * 100 + b"]" * 100
    from netral.channels.tests.whatsapp_helpers import signature

    response = client.post(
        "/channels/whatsapp/webhook",
        deep,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature(deep)},
    )
    assert response.status_code == 400 and "detail" in response.json()
    big = b" " * (300 * 1024)
    response = client.post(
        "/channels/whatsapp/webhook",
        big,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature(big)},
    )
    assert response.status_code == 413


def test_the_hourly_purge_forgets_expired_conversations(say: Any) -> None:
    say("halo")
    say("Budi Santoso")
    assert channels_purge() == (0, 0)
    later = timezone.now() + datetime.timedelta(days=9)
    assert channels_purge(now=later) == (1, 2)
    assert not Conversation.objects.exists() and not Delivery.objects.exists()
    assert "channels.purge" in {job.name for job in schedule.jobs()}


def test_a_half_configured_channel_is_reported_at_start(settings: Any) -> None:
    from netral.channels.checks import channels_settings

    settings.WHATSAPP_APP_SECRET, settings.WHATSAPP_VERIFY_TOKEN = "s", ""
    settings.WHATSAPP_ACCESS_TOKEN = ""
    assert {m.id for m in channels_settings()} == {"netral.channels.W001", "netral.channels.W002"}
    settings.WHATSAPP_VERIFY_TOKEN, settings.WHATSAPP_ACCESS_TOKEN = "v", "t"
    assert channels_settings() == []


def test_media_the_graph_api_cannot_give_or_the_pipeline_refuses_stores_nothing(
    say: Any, graph: FakeGraph
) -> None:
    for answer in ANSWERS:
        say(answer)
    say(media=("image", "555001"))  # not on the Graph server (yet)
    say("selesai")
    say("2")
    assert "belum dapat kami ambil" in say("kirim")[0]
    assert not Report.objects.exists()
    graph.media["555001"] = (b"MZ" + b"\0" * 300, "image/jpeg")  # a program, not a photo
    refused = say("kirim")[0]
    assert "program" in refused and not Report.objects.exists()
    graph.media["555002"] = (jpeg(), "image/jpeg")
    say(media=("image", "555002"))
    say("selesai")
    say("2")
    assert "Kode tanda terima" in say("kirim")[0]
    assert Evidence.objects.get().report == Report.objects.get()
