"""Fetching one page in headless Chromium (Playwright's sync API) as PDF, PNG and HTML.

The address is the reporter's input and the browser runs inside the office's network, so
every request the page makes (the page itself, each redirect hop, every image and script) is
checked before it leaves: http(s) only, default or usual web ports, and a host whose every
address is public (no loopback, private, link-local, multicast or reserved address: the
cloud metadata service and the database are private). ``NETRAL_CAPTURE_ALLOW_PRIVATE`` lifts
the address rule for the tests' local server; never in production. Downloads, service
workers and WebSockets are refused; time, request count, bytes and the snapshot's height are
bounded. Every request is made here, not by the browser: to the address the check resolved
and approved (the TLS name and the Host header stay the host's), so a host that resolves
differently a moment later (DNS rebinding) cannot lead the fetch inside; the browser is
started without a proxy and without DNS prefetching and never resolves a name itself.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from netral.reports.captured import PageSnapshot

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-proxy-server",
    "--dns-prefetch-disable",
    "--disable-quic",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
]
MAX_URL = 2_000
NAVIGATION_TIMEOUT_MS = 20_000
SETTLE_MS = 1_500
FETCH_TIMEOUT_MS = 15_000
MAX_REDIRECTS = 5
SNAPSHOT_TIMEOUT_MS = 30_000
MAX_SECONDS = 45.0
MAX_REQUESTS = 300
MAX_RESPONSE_BYTES = 15 * 1024 * 1024
MAX_TOTAL_BYTES = 40 * 1024 * 1024
MAX_HTML_BYTES = 5 * 1024 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PNG_BYTES = 20 * 1024 * 1024
VIEWPORT = {"width": 1280, "height": 900}
MAX_SNAPSHOT_HEIGHT = 8_000
PORTS = frozenset({80, 443, 8080, 8443})

BAD_SCHEME = "Alamat bukan http(s): {url}"
BAD_PORT = "Port {port} tidak diizinkan untuk penangkapan."
NO_HOST = "Nama host tidak dapat ditemukan: {host}"
PRIVATE_HOST = "Alamat {host} menuju jaringan internal ({address}); tidak ditangkap."
HTTP_ERROR = "Halaman menjawab HTTP {status}."
NO_RESPONSE = "Halaman tidak menjawab."
BAD_TLS = "Sertifikat HTTPS {host} tidak sah; tidak ditangkap."
TOO_LARGE = "Halaman terlalu besar (lebih dari {limit} MB)."
TOO_MANY_REQUESTS = "Halaman memuat terlalu banyak sumber (lebih dari {limit})."
TIMEOUT = "Halaman tidak selesai dimuat dalam {seconds} detik."
BROWSER_FAILED = "Peramban gagal menangkap halaman: {error}"
TOO_MANY_REDIRECTS = "Terlalu banyak pengalihan (lebih dari {limit})."
DOWNLOAD = "Alamat ini mengunduh berkas, bukan halaman web."


class CaptureFailed(Exception):
    """The page could not be captured; the message (Indonesian) is shown to staff."""


def allow_private() -> bool:
    return bool(getattr(settings, "NETRAL_CAPTURE_ALLOW_PRIVATE", False))


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be fetched, or None. Resolves the host (DNS)."""
    return _resolved(url)[0]


def _resolved(url: str) -> tuple[str | None, str]:
    """Why ``url`` may not be fetched (or None), and the approved address to connect to."""
    if len(url) > MAX_URL:
        return BAD_SCHEME.format(url=url[:80]), ""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return BAD_SCHEME.format(url=url[:80]), ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return BAD_SCHEME.format(url=url[:80]), ""
    port = port or (443 if parts.scheme == "https" else 80)
    host = parts.hostname
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return NO_HOST.format(host=host[:100]), ""
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        return NO_HOST.format(host=host[:100]), ""
    if allow_private():
        return None, addresses[0]
    for address in addresses:
        if not _public(address):
            return PRIVATE_HOST.format(host=host[:100], address=address), ""
    if port not in PORTS:
        return BAD_PORT.format(port=port), ""
    return None, addresses[0]


# Headers of one hop, not of the message: never passed on either way.
HOP_HEADERS = frozenset(
    {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te"}
)


@dataclass(frozen=True)
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes


def _pinned_fetch(request: Any, url: str, address: str) -> _Response:
    """``request`` (the browser's) sent to ``url`` at ``address``, redirects not followed,
    the body decoded and read until past ``MAX_RESPONSE_BYTES``, all within the fetch
    timeout. Raises ``urllib3.exceptions.HTTPError`` or ``OSError`` (``TimeoutError``) when
    the server cannot be reached or is too slow."""
    import urllib3

    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme == "https"
    port = parts.port or (443 if https else 80)
    timeout = urllib3.Timeout(connect=5.0, read=FETCH_TIMEOUT_MS / 1000)
    pool: urllib3.HTTPConnectionPool
    if https:
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False, maxsize=1)
    headers = {
        name: value
        for name, value in dict(request.headers).items()
        if name.lower() not in HOP_HEADERS and name.lower() != "host"
    }
    headers["Host"] = host if parts.port is None else f"{host}:{parts.port}"
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        response = pool.urlopen(
            request.method,
            target,
            body=request.post_data_buffer,
            headers=headers,
            redirect=False,
            assert_same_host=False,
            preload_content=False,
            decode_content=True,
        )
        try:
            # In chunks, against a deadline for the whole body: a server that trickles one
            # byte at a time still ends within the fetch timeout.
            deadline = time.monotonic() + FETCH_TIMEOUT_MS / 1000
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_RESPONSE_BYTES:
                chunk = response.read1(64 * 1024, decode_content=True)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError(url)
            body = b"".join(chunks)
        finally:
            response.release_conn()
    finally:
        pool.close()
    kept = {
        name: value
        for name, value in response.headers.items()
        if name.lower() not in HOP_HEADERS
        and name.lower() not in ("content-encoding", "content-length")
    }
    return _Response(status=response.status, headers=kept, body=body)


@dataclass
class _Guard:
    """Counts what the page loads; remembers the first refusal."""

    deadline: float
    requests: int = 0
    total_bytes: int = 0
    problem: str | None = None
    redirect: str | None = None
    # origin -> (why refused or None, the approved address): each host resolved once.
    checked: dict[str, tuple[str | None, str]] = field(default_factory=dict)

    def refuse(self, reason: str) -> None:
        if self.problem is None:
            self.problem = reason

    def check(self, url: str) -> tuple[str | None, str]:
        origin = urlsplit(url)._replace(path="", query="", fragment="").geturl()
        if origin not in self.checked:
            self.checked[origin] = _resolved(url)
        return self.checked[origin]


def capture_page(url: str) -> PageSnapshot:
    """The page at ``url`` as PDF, PNG and HTML; raises CaptureFailed with the reason."""
    problem = url_problem(url)
    if problem is not None:
        raise CaptureFailed(problem)
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    guard = _Guard(deadline=time.monotonic() + MAX_SECONDS)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=NAVIGATION_TIMEOUT_MS
            )
            try:
                return _capture(browser, url, guard)
            finally:
                browser.close()
    except CaptureFailed:
        raise
    except PlaywrightTimeout:
        raise CaptureFailed(TIMEOUT.format(seconds=NAVIGATION_TIMEOUT_MS // 1000)) from None
    except PlaywrightError as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "Download is starting" in message:
            raise CaptureFailed(DOWNLOAD) from None
        raise CaptureFailed(BROWSER_FAILED.format(error=message[:200])) from None


def _is_page(route: Any) -> bool:
    """Whether the routed request is the page's own navigation (not a frame's or an image's)."""
    request = route.request
    return bool(request.is_navigation_request() and request.frame.parent_frame is None)


def _capture(browser: object, url: str, guard: _Guard) -> PageSnapshot:
    import urllib3
    from playwright.sync_api import Browser, Route
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    assert isinstance(browser, Browser)
    context = browser.new_context(
        accept_downloads=False,
        service_workers="block",
        viewport=VIEWPORT,  # type: ignore[arg-type]
        java_script_enabled=True,
        locale="id-ID",
    )
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)

    def fetched(route: Route, request_url: str) -> _Response | None:
        """The response to ``request_url`` without following redirects, from the address
        its check approved, counted against the limits; None (and the route aborted) when
        refused or unreachable."""
        guard.requests += 1
        address = ""
        if guard.requests > MAX_REQUESTS:
            guard.refuse(TOO_MANY_REQUESTS.format(limit=MAX_REQUESTS))
            refused: str | None = guard.problem
        else:
            refused, address = guard.check(request_url)
        if refused is None:
            try:
                response = _pinned_fetch(route.request, request_url, address)
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if _is_page(route):
                    tls = isinstance(error, urllib3.exceptions.SSLError) or (
                        isinstance(error, urllib3.exceptions.MaxRetryError)
                        and isinstance(error.reason, urllib3.exceptions.SSLError)
                    )
                    host = (urlsplit(request_url).hostname or "")[:100]
                    guard.refuse(BAD_TLS.format(host=host) if tls else NO_RESPONSE)
                route.abort("connectionfailed")
                return None
            guard.total_bytes += len(response.body)
            if len(response.body) <= MAX_RESPONSE_BYTES and guard.total_bytes <= MAX_TOTAL_BYTES:
                return response
            refused = TOO_LARGE.format(limit=MAX_TOTAL_BYTES // (1024 * 1024))
            guard.refuse(refused)
        if _is_page(route):
            guard.refuse(refused)
        route.abort("blockedbyclient")
        return None

    def on_route(route: Route) -> None:
        # Every request is made here, hop by hop: Chromium follows a redirect of a routed
        # request without asking again, so no redirect is left to it. The page's own
        # redirect becomes a new navigation (``capture_page``), so its address stays right.
        request_url = route.request.url
        if request_url.startswith(("data:", "blob:", "about:")):
            route.continue_()
            return
        for _hop in range(MAX_REDIRECTS + 1):
            response = fetched(route, request_url)
            if response is None:
                return
            location = next(
                (v for k, v in response.headers.items() if k.lower() == "location"), None
            )
            if not (300 <= response.status < 400 and location):
                route.fulfill(status=response.status, headers=response.headers, body=response.body)
                return
            request_url = urljoin(request_url, location)
            if _is_page(route):
                guard.redirect = request_url
                route.abort("blockedbyclient")
                return
        guard.refuse(TOO_MANY_REDIRECTS.format(limit=MAX_REDIRECTS))
        route.abort("blockedbyclient")

    context.route("**/*", on_route)
    context.route_web_socket("**/*", lambda ws: ws.close())
    page = context.new_page()
    response, target = None, url
    for _hop in range(MAX_REDIRECTS + 1):
        guard.redirect = None
        try:
            response = page.goto(target, wait_until="load", timeout=NAVIGATION_TIMEOUT_MS)
        except PlaywrightError:
            if guard.problem is not None:
                raise CaptureFailed(guard.problem) from None
            if guard.redirect is None:
                raise
        if guard.redirect is None:
            break
        target = guard.redirect
        # A fresh tab: the aborted one is still showing its error page.
        page.close()
        page = context.new_page()
    else:
        raise CaptureFailed(TOO_MANY_REDIRECTS.format(limit=MAX_REDIRECTS))
    if guard.problem is not None:
        raise CaptureFailed(guard.problem)
    if response is None:
        raise CaptureFailed(NO_RESPONSE)
    if response.status >= 400:
        raise CaptureFailed(HTTP_ERROR.format(status=response.status))
    # Posts that load their text by script: a short, bounded wait for the network to settle.
    with contextlib.suppress(PlaywrightTimeout):  # still busy: capture what is there
        page.wait_for_load_state("networkidle", timeout=SETTLE_MS)
    if guard.problem is not None:
        raise CaptureFailed(guard.problem)
    if time.monotonic() > guard.deadline:
        raise CaptureFailed(TIMEOUT.format(seconds=int(MAX_SECONDS)))
    html = page.content().encode("utf-8")
    height = int(page.evaluate("() => document.documentElement.scrollHeight") or 0)
    height = max(1, min(height, MAX_SNAPSHOT_HEIGHT))
    png = page.screenshot(
        full_page=True,
        clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height},
        type="png",
        animations="disabled",
        timeout=SNAPSHOT_TIMEOUT_MS,
    )
    page.emulate_media(media="screen")
    pdf = page.pdf(print_background=True, width=f"{VIEWPORT['width']}px")
    final_url = page.url
    context.close()
    for data, limit in ((html, MAX_HTML_BYTES), (pdf, MAX_PDF_BYTES), (png, MAX_PNG_BYTES)):
        if len(data) > limit:
            raise CaptureFailed(TOO_LARGE.format(limit=limit // (1024 * 1024)))
    if guard.problem is not None:
        raise CaptureFailed(guard.problem)
    return PageSnapshot(url=url, final_url=final_url, pdf=pdf, png=png, html=html)
