"""Captured links (issue #15 item 3): a link given as evidence is fetched in headless
Chromium from a real local HTTP server, sealed as PDF, PNG and HTML evidence with their
hashes in the report's custody record, retried with back-off and shown failed after the
last attempt; private addresses are refused unless the tests' setting allows them."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.channels import capture, capture_fetch
from netral.channels.capture_fetch import url_problem
from netral.channels.models import CaptureJob
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.reports.findings import finding_register
from netral.reports.forms import ReportForm
from netral.reports.handling import evidence_open
from netral.reports.models import Evidence, Report
from netral.reports.services import report_submit, reporter_message_post
from netral.reports.storage import evidence_read
from netral.reports.tests.services.test_findings import finding_form

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse the
# ORM calls made while the browser is open.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.usefixtures("elections", "capture_on")

POST_TEXT = "Unggahan ASN mendukung pasangan calon nomor urut 2"
POST_HTML = (
    "<!doctype html><html><head><title>Unggahan</title>"
    '<meta name="author" content="akun-asn"></head><body>'
    f"<h1>{POST_TEXT}</h1><p>Dibagikan 1.024 kali.</p></body></html>"
).encode()
REDIRECTS = {"/s/abc": "/unggahan/1", "/s/jahat": "http://tidak-ada.invalid/meta-data"}
CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"), reason="no /usr/bin/chromium"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path in REDIRECTS:  # a shortened link, or one that leads somewhere else
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
            return
        if self.path == "/pelan":  # a page that trickles in, a byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(50):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            return
        if self.path == "/unggahan/1":
            body, status, kind = POST_HTML, 200, "text/html; charset=utf-8"
        else:
            body, status, kind = b"<h1>Tidak ada</h1>", 404, "text/html"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """A real HTTP server on the loopback interface, for the whole module."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def capture_on(settings: Any, tmp_path: Path) -> None:
    settings.NETRAL_CAPTURE_ENABLED = True
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = True
    settings.MEDIA_ROOT = tmp_path / "media"


def _submit(links: list[str], run: Callable[..., Any]) -> Report:
    """A public report with ``links``, through the web form's validation and intake; its
    capture tasks run after the commit (the test task backend runs them at once)."""
    known = timezone.localdate() - datetime.timedelta(days=1)
    form = ReportForm(
        {
            "region": "32.75",
            "reported_name": "Drs. Bambang Wijaya",
            "agency": "Dinas Pendidikan",
            "chronology": "Terlapor mengunggah dukungan kepada pasangan calon di akunnya.",
            "event_date": str(known),
            "known_date": str(known),
            "anonymous": "on",
            "links": "\n".join(links),
        }
    )
    assert form.is_valid(), form.errors
    with run(execute=True):
        report = report_submit(form=form, files=[], channel="web").report
    return report


@needs_chromium
def test_captured_page_hashes_are_in_the_custody_record_and_open_as_cleaned_copies(
    site: str,
    django_capture_on_commit_callbacks: Callable[..., Any],
    sign_in: Callable[..., Any],
    make_user: Callable[..., User],
) -> None:
    url = f"{site}/s/abc"  # redirects to the post
    report = _submit([url], django_capture_on_commit_callbacks)

    job = CaptureJob.objects.get(report=report)
    assert job.status == CaptureJob.Status.CAPTURED, job.last_error
    assert job.captured_at is not None and job.attempts == 1
    files = list(Evidence.objects.filter(report=report, source_url=url).order_by("pk"))
    assert [e.kind for e in files] == ["pdf", "png", "html"]
    assert all(e.received_at == job.captured_at for e in files)
    for evidence in files:  # each sealed original hashes to what was recorded
        assert hashlib.sha256(evidence_read(evidence.original_path)).hexdigest() == evidence.sha256
    assert POST_TEXT.encode() in evidence_read(files[2].original_path)

    after = AuditEntry.objects.get(action="evidence.capture", object_id=str(report.pk)).after or {}
    assert after["url"] == url and after["captured_at"]
    assert after["final_url"] == f"{site}/unggahan/1"
    assert [f["sha256"] for f in after["files"]] == [e.sha256 for e in files]

    client, staff = sign_in("bawaslu_staff", "32.75")
    page = client.get(reverse("reports_staff:report_detail", args=[report.public_id]))
    html = page.content.decode()
    assert page.status_code == 200
    assert url in html and 'data-status="captured"' in html
    for evidence in files:
        assert evidence.sha256 in html

    pdf, pdf_type, _ = evidence_open(
        actor=staff,
        report_public_id=str(report.public_id),
        evidence_id=files[0].pk,
        original=False,
    )
    png, png_type, _ = evidence_open(
        actor=staff,
        report_public_id=str(report.public_id),
        evidence_id=files[1].pk,
        original=False,
    )
    page_copy, page_type, name = evidence_open(
        actor=staff,
        report_public_id=str(report.public_id),
        evidence_id=files[2].pk,
        original=False,
    )
    assert pdf_type == "application/pdf" and pdf.startswith(b"%PDF-")
    assert b"/Producer" not in pdf and b"/CreationDate" not in pdf  # scrubbed
    assert b"/Producer" in evidence_read(files[0].original_path)
    # The screenshot's pixels re-encoded (an opaque page: JPEG), nothing else kept.
    assert png_type == "image/jpeg" and png.startswith(b"\xff\xd8")
    # The HTML (scripts, trackers) opens as the cleaned rendering, never as markup.
    assert page_type == "application/pdf" and name.endswith(".pdf")
    assert b"<h1>" not in page_copy
    assert AuditEntry.objects.filter(action="evidence.open_clean", actor_id=staff.pk).count() == 3

    leader = make_user("bawaslu_leader", "32.75")
    original, kind, _ = evidence_open(
        actor=leader,
        report_public_id=str(report.public_id),
        evidence_id=files[2].pk,
        original=True,
    )
    assert kind == "text/html" and hashlib.sha256(original).hexdigest() == files[2].sha256

    # The snapshots are the office's: the reporter's own file limit is untouched.
    reporter_message_post(report=report, body="Ada tambahan.", files=[])


@needs_chromium
def test_a_missing_page_or_a_refused_redirect_is_recorded_and_retried_later(
    site: str, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    report = _submit([f"{site}/dihapus", f"{site}/s/jahat"], django_capture_on_commit_callbacks)
    missing, redirected = CaptureJob.objects.filter(report=report).order_by("pk")
    assert missing.last_error == "Halaman menjawab HTTP 404."
    # Each redirect hop is checked like the link itself before the browser follows it.
    assert redirected.last_error == "Nama host tidak dapat ditemukan: tidak-ada.invalid"
    for job in (missing, redirected):
        assert job.status == CaptureJob.Status.PENDING and job.attempts == 1
        assert job.next_attempt_at is not None and job.next_attempt_at > timezone.now()
    assert not Evidence.objects.filter(report=report).exclude(source_url="").exists()
    assert capture.capture_due() == 0  # not due yet


@needs_chromium
def test_the_page_is_fetched_from_the_address_that_was_checked(
    site: str,
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DNS rebinding: a host that answers the check with an approved address and anybody
    resolving it again with another (here one nobody listens on) is fetched from the
    address that was checked; the browser never resolves it (the system resolver does not
    know the name at all)."""
    port = int(site.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    checked: list[str] = []

    def answer(address: str) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    def check_resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real(host, *args, **kwargs)
        checked.append(host)
        return answer("127.0.0.1")

    def any_other_resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.test":
            return real(host, *args, **kwargs)
        return answer("127.0.0.2")  # rebound: nothing there

    monkeypatch.setattr(
        capture_fetch,
        "socket",
        SimpleNamespace(getaddrinfo=check_resolver, SOCK_STREAM=socket.SOCK_STREAM),
    )
    monkeypatch.setattr(socket, "getaddrinfo", any_other_resolver)
    url = f"http://rebind.test:{port}/unggahan/1"
    report = _submit([url], django_capture_on_commit_callbacks)
    job = CaptureJob.objects.get(report=report)
    assert job.status == CaptureJob.Status.CAPTURED, job.last_error
    html = Evidence.objects.get(report=report, source_url=url, kind="html")
    assert POST_TEXT.encode() in evidence_read(html.original_path)
    assert checked  # the check resolved it, and only the check's answer was used


def _self_signed(directory: Path, name: str) -> tuple[Path, Path]:
    """A certificate for ``name`` that no authority signed, and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@needs_chromium
def test_an_https_page_whose_certificate_no_authority_signed_is_not_captured(
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The pinned fetch still checks the certificate against the host's name."""
    cert, key = _self_signed(tmp_path, "palsu.test")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    real = socket.getaddrinfo

    def resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "palsu.test":
            return real(host, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    try:
        url = f"https://palsu.test:{port}/unggahan/1"
        report = _submit([url], django_capture_on_commit_callbacks)
    finally:
        server.shutdown()
        server.server_close()
    job = CaptureJob.objects.get(report=report)
    assert job.status == CaptureJob.Status.PENDING
    assert job.last_error == "Sertifikat HTTPS palsu.test tidak sah; tidak ditangkap."
    assert not Evidence.objects.filter(report=report, source_url=url).exists()


@needs_chromium
def test_a_page_that_trickles_in_ends_within_the_fetch_timeout(
    site: str,
    django_capture_on_commit_callbacks: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(capture_fetch, "FETCH_TIMEOUT_MS", 1_000)  # the server needs 5 s
    report = _submit([f"{site}/pelan"], django_capture_on_commit_callbacks)
    job = CaptureJob.objects.get(report=report)
    assert job.status == CaptureJob.Status.PENDING
    assert job.last_error == "Halaman tidak menjawab."


def test_a_private_address_is_refused_retried_with_back_off_then_failed(
    settings: Any,
    site: str,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., Any],
    sign_in: Callable[..., Any],
) -> None:
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = False  # production
    clock = [timezone.now()]
    monkeypatch.setattr(capture, "_now", lambda: clock[0])
    report = _submit([f"{site}/unggahan/1"], django_capture_on_commit_callbacks)
    job = CaptureJob.objects.get(report=report)
    assert job.attempts == 1 and job.status == CaptureJob.Status.PENDING
    assert "jaringan internal (127.0.0.1)" in job.last_error
    waits = []
    while job.status == CaptureJob.Status.PENDING:
        assert job.next_attempt_at is not None
        waits.append(job.next_attempt_at - clock[0])
        clock[0] = job.next_attempt_at - datetime.timedelta(seconds=1)
        assert capture.capture_due() == 0  # a second early: nothing
        clock[0] = job.next_attempt_at
        assert capture.capture_due() == 1
        job.refresh_from_db()
    assert job.status == CaptureJob.Status.FAILED and job.attempts == capture.MAX_ATTEMPTS
    assert waits == list(capture.BACKOFF)  # each wait longer than the last
    assert job.next_attempt_at is None
    assert AuditEntry.objects.filter(action="evidence.capture_failed").count() == 1

    client, staff = sign_in("bawaslu_staff", "32.75")
    detail = reverse("reports_staff:report_detail", args=[report.public_id])
    html = client.get(detail).content.decode()
    assert 'data-status="failed"' in html and "jaringan internal" in html
    retry = reverse("channels_staff:capture_retry", args=[report.public_id, job.pk])
    assert retry in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry)
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.attempts == 1 and job.status == CaptureJob.Status.PENDING  # tried again at once
    entry = AuditEntry.objects.get(action="evidence.capture_retry")
    assert entry.actor_id == staff.pk and (entry.before or {})["status"] == "failed"


def test_retry_is_for_failed_jobs_in_the_jurisdiction_and_staff_who_may(
    settings: Any,
    site: str,
    make_user: Callable[..., User],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = False
    report = _submit([f"{site}/unggahan/1"], django_capture_on_commit_callbacks)
    job = CaptureJob.objects.get(report=report)
    staff = make_user("bawaslu_staff", "32.75")
    with pytest.raises(ApplicationError, match="yang gagal"):
        capture.capture_retry(actor=staff, report_public_id=str(report.public_id), job_id=job.pk)
    CaptureJob.objects.filter(pk=job.pk).update(status=CaptureJob.Status.FAILED)
    with pytest.raises(NotFound):
        capture.capture_retry(
            actor=make_user("bawaslu_staff", "11.71"),
            report_public_id=str(report.public_id),
            job_id=job.pk,
        )
    with pytest.raises((PermissionDenied, NotFound)):
        capture.capture_retry(
            actor=make_user("bkn"), report_public_id=str(report.public_id), job_id=job.pk
        )


def test_a_patrol_finding_queues_its_links_and_bad_links_are_never_fetched(
    settings: Any, make_user: Callable[..., User], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = False
    monkeypatch.setattr(capture, "_enqueue", lambda job_id: None)
    staff = make_user("bawaslu_staff", "32.75")
    form = finding_form(
        source="social_media_patrol",
        links="https://media-sosial.example/unggahan/1\nhttps://media-sosial.example/unggahan/1",
    )
    report = finding_register(actor=staff, form=form, files=[], source="social_media_patrol")
    assert list(CaptureJob.objects.filter(report=report).values_list("url", flat=True)) == [
        "https://media-sosial.example/unggahan/1"
    ]
    for url, problem in [
        ("file:///etc/passwd", "bukan http(s)"),
        ("javascript:alert(1)", "bukan http(s)"),
        ("http://169.254.169.254/latest/meta-data/", "jaringan internal"),
        ("http://[::1]/", "jaringan internal"),
        ("http://10.0.0.5/", "jaringan internal"),
        ("http://localhost/", "jaringan internal"),
        ("http://[::ffff:127.0.0.1]/", "jaringan internal"),
        ("http://93.184.215.14:22/", "Port 22"),
        ("https://tidak-ada.invalid/", "tidak dapat ditemukan"),
    ]:
        assert problem in (url_problem(url) or ""), url


def test_capture_off_queues_nothing(settings: Any, make_user: Callable[..., User]) -> None:
    settings.NETRAL_CAPTURE_ENABLED = False
    staff = make_user("bawaslu_staff", "32.75")
    form = finding_form(links="https://media-sosial.example/unggahan/1")
    report = finding_register(actor=staff, form=form, files=[], source="field_patrol")
    assert not CaptureJob.objects.filter(report=report).exists()


def test_retention_erases_a_case_s_capture_jobs_under_its_own_rule(
    settings: Any, site: str, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    from netral.common.retention import CaseScope, kind_get
    from netral.operations.checks import retention_kinds_check

    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = False
    report = _submit([f"{site}/unggahan/1"], django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert CaptureJob.objects.filter(report=report).exists() and report.case_id
    kind = kind_get("captured_links")
    assert kind is not None and kind.erase_case is not None
    erased = kind.erase_case(CaseScope(case_id=report.case_id, gone=frozenset({report.case_id})))
    assert erased.counts == {"capture_jobs": 1}
    assert not CaptureJob.objects.filter(report=report).exists()
    assert retention_kinds_check() == []  # the kind has its rule in retention.toml


def test_production_refuses_to_start_with_private_addresses_allowed(settings: Any) -> None:
    from netral.channels.checks import channels_settings

    settings.DEBUG = False
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = False
    assert "netral.channels.E001" not in [problem.id for problem in channels_settings()]
    settings.NETRAL_CAPTURE_ALLOW_PRIVATE = True
    assert "netral.channels.E001" in [problem.id for problem in channels_settings()]


def test_snapshots_do_not_count_against_the_reporter_s_ten_files(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from netral.reports.captured import PageSnapshot, evidence_capture_store
    from netral.reports.tests.files import pdf_with_metadata, png_with_text

    report = _submit([], django_capture_on_commit_callbacks)
    snapshot = PageSnapshot(
        url="https://media-sosial.example/unggahan/1",
        final_url="https://media-sosial.example/unggahan/1",
        pdf=pdf_with_metadata(),
        png=png_with_text(),
        html=POST_HTML,
    )
    for _ in range(4):  # four links: twelve sealed files
        evidence_capture_store(report_id=report.pk, snapshot=snapshot, captured_at=timezone.now())
    assert report.evidence.count() == 12
    photo = SimpleUploadedFile("foto.png", png_with_text())
    message = reporter_message_post(report=report, body="Foto tambahan.", files=[photo])
    assert message.evidence.count() == 1
