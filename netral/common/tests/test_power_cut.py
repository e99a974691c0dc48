"""Item 17.5: the real server (gunicorn, SQLite file, local blob store) killed with SIGKILL
between the blob write and the commit, between the commit and the response, and right
after acknowledging: every acknowledged receipt code resolves afterwards, and no row points
at a missing blob (storage_check lists orphans only).

A process kill is as close to a power cut as a test can come here: what the kernel had not
yet written survives a kill but not a power cut, which is why the store fsyncs blobs (see
test_blobs) and SQLite runs with synchronous=FULL. Bounded: every wait has a deadline and
the server is always killed at the end.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from netral.reports.tests.apis.test_submit_api import valid
from netral.reports.tests.files import jpeg_with_exif

ROOT = Path(settings.BASE_DIR)
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
DEADLINE = 60.0

SETUP = """
import django
django.setup()
from django.core.management import call_command
from netral.elections.services import election_cycles_load_all
from netral.regions.services import regions_load
call_command("migrate", verbosity=0, skip_checks=True)
regions_load()
election_cycles_load_all()
"""

pytestmark = pytest.mark.skipif(
    not Path(GUNICORN).exists() or not Path("/proc/self/fd").exists(),
    reason="needs gunicorn and Linux",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


class Server:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.log = log.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own server
            [GUNICORN, "netral.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "1", "-t", "60"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL takes master and worker
        )
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                if self.request("GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.kill()
        raise AssertionError(f"server did not start; see {log}")

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=DEADLINE)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def kill(self) -> None:
        """SIGKILL the whole server, the nearest thing to pulling the plug."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=DEADLINE)
        self.log.close()


def multipart_report() -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = io.BytesIO()
    out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n'.encode())
    out.write(json.dumps(valid()).encode() + b"\r\n")
    out.write(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
        f'filename="bukti.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
    )
    out.write(jpeg_with_exif() + f"\r\n--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def submit(server: Server) -> str | None:
    """POST a report with a photo; its receipt code if the server acknowledged it."""
    body, content_type = multipart_report()
    try:
        status, content = server.request(
            "POST", "/api/reports", body, {"Content-Type": content_type}
        )
    except (OSError, http.client.HTTPException):
        return None  # no answer: not acknowledged
    assert status == 201, content[:500]
    code: str = json.loads(content)["receipt_code"]
    return code


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, Any]]:
    pause = tmp_path / "pause"
    pause.mkdir()
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "netral.settings",
        "NETRAL_TESTING": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'netral.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CACHE_URL": "locmemcache://",
        "NETRAL_TEST_PAUSE_DIR": str(pause),
        "NETRAL_TEST_PAUSE_SECONDS": "30",
    }
    setup = subprocess.run(  # noqa: S603
        [PYTHON, "-c", SETUP],
        cwd=ROOT,
        env={**base, "NETRAL_SQLITE_SYNCHRONOUS": "OFF"},  # reference data only; fast
        capture_output=True,
        timeout=300,
    )
    assert setup.returncode == 0, setup.stderr.decode()[-3000:]
    yield {"base": base, "pause": pause, "log": tmp_path / "server.log"}


def kill_while_paused(env: dict[str, Any], point: str) -> None:
    """Submit with the server told to wait at ``point``; kill it once it is there."""
    server = Server({**env["base"], "NETRAL_TEST_PAUSE_AT": point}, env["log"])
    try:
        answers: list[str | None] = []
        client = threading.Thread(target=lambda: answers.append(submit(server)), daemon=True)
        client.start()
        deadline = time.monotonic() + DEADLINE
        while not any(env["pause"].glob(f"{point}-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any(env["pause"].glob(f"{point}-*")), f"server never reached {point}"
    finally:
        server.kill()
    client.join(timeout=DEADLINE)
    assert answers == [None]  # killed before answering: nothing was acknowledged
    for marker in env["pause"].iterdir():
        marker.unlink()


def manage(env: dict[str, Any], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args, "--skip-checks"],
        cwd=ROOT,
        env=env["base"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_acknowledged_reports_survive_kills_at_every_point(env: dict[str, Any]) -> None:
    acknowledged: list[str] = []
    server = Server(env["base"], env["log"])
    try:
        for _ in range(2):
            code = submit(server)
            assert code is not None
            acknowledged.append(code)
    finally:
        server.kill()  # right after acknowledging

    kill_while_paused(env, "blob-written")  # blob on disk, transaction not committed
    kill_while_paused(env, "committed")  # committed, response not sent

    server = Server(env["base"], env["log"])
    try:
        code = submit(server)
        assert code is not None
        acknowledged.append(code)
        for code in acknowledged:
            status, content = server.request(
                "POST",
                "/api/reports/status",
                json.dumps({"receipt_code": code}).encode(),
                {"Content-Type": "application/json"},
            )
            assert status == 200, content[:300]
    finally:
        server.kill()

    check = manage(env, "storage_check")
    lines = check.stdout.splitlines()
    # The blob written before the kill has no row: an orphan, named; nothing else is wrong.
    assert check.returncode == 1 and lines, check.stdout + check.stderr
    assert all(line.startswith("orphan: evidence/") for line in lines), lines
