"""Writes of partners: an administrator registers, changes, and resumes partner endpoints.
Each: lock -> authorize -> validate -> save(update_fields) -> audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound
from netral.partners.delivery import post, signed_request
from netral.partners.models import Delivery, Endpoint, Event, EventType
from netral.regions.models import Region

ENDPOINT_NOT_FOUND = "Endpoint mitra tidak ditemukan."
URL_SCHEME = "URL endpoint harus diawali https:// atau http://."
TYPES_REQUIRED = "Pilih sekurang-kurangnya satu jenis peristiwa yang dikenal."
KEY_TOO_SHORT = "Rahasia minimal {n} karakter."
NAME_REQUIRED = "Nama mitra wajib diisi."
REGION_UNKNOWN = "Wilayah tidak dikenal."
SECRET_MIN = 16


def _validated(
    *, name: str, url: str, event_types: Iterable[str], region_code: str | None
) -> tuple[str, str, list[str], Region | None]:
    if not name.strip():
        raise ApplicationError(NAME_REQUIRED, field="name")
    if not url.lower().startswith(("https://", "http://")):
        raise ApplicationError(URL_SCHEME, field="url")
    types = sorted(set(event_types))
    if not types or any(t not in EventType.values for t in types):
        raise ApplicationError(TYPES_REQUIRED, field="event_types")
    region = None
    if region_code:
        region = Region.objects.filter(pk=region_code).first()
        if region is None:
            raise ApplicationError(REGION_UNKNOWN, field="region")
    return name.strip(), url.strip(), types, region


def endpoint_validate(
    *, name: str, url: str, event_types: Iterable[str], region_code: str | None, secret: str
) -> None:
    """The rules of an endpoint (for forms to show them beside their fields); an empty
    ``secret`` is not checked (a change keeps the current one)."""
    _validated(name=name, url=url, event_types=event_types, region_code=region_code)
    if secret:
        _check_secret(secret)


def _check_secret(secret: str) -> None:
    if len(secret) < SECRET_MIN:
        raise ApplicationError(KEY_TOO_SHORT, field="secret", params={"n": SECRET_MIN})


def _snapshot(endpoint: Endpoint) -> dict[str, object]:
    return {
        "name": endpoint.name,
        "url": endpoint.url,
        "event_types": endpoint.event_types,
        "region": endpoint.region_id,
        "active": endpoint.active,
    }


@audited
def endpoint_register(
    *,
    actor: User,
    name: str,
    url: str,
    event_types: Iterable[str],
    region_code: str | None,
    secret: str,
) -> Endpoint:
    """A partner endpoint receives, from now on, the events of ``event_types`` that lie in
    ``region_code`` (None: national) or under it."""
    require(actor, "webhook.manage")
    name, url, types, region = _validated(
        name=name, url=url, event_types=event_types, region_code=region_code
    )
    _check_secret(secret)
    endpoint = Endpoint.objects.create(
        name=name, url=url, event_types=types, region=region, secret=secret
    )
    audit_record(actor=actor, action="webhook.register", obj=endpoint, after=_snapshot(endpoint))
    return endpoint


def _locked(actor: User, endpoint_id: int) -> Endpoint:
    require(actor, "webhook.manage")
    endpoint = Endpoint.objects.select_for_update().filter(pk=endpoint_id).first()
    if endpoint is None:
        raise NotFound(ENDPOINT_NOT_FOUND)
    return endpoint


@audited
def endpoint_update(
    *,
    actor: User,
    endpoint_id: int,
    name: str,
    url: str,
    event_types: Iterable[str],
    region_code: str | None,
    active: bool,
    secret: str = "",
) -> Endpoint:
    """Change an endpoint (an empty ``secret`` keeps the current one)."""
    endpoint = _locked(actor, endpoint_id)
    before = _snapshot(endpoint)
    endpoint.name, endpoint.url, endpoint.event_types, endpoint.region = _validated(
        name=name, url=url, event_types=event_types, region_code=region_code
    )
    endpoint.active = active
    fields = ["name", "url", "event_types", "region", "active"]
    if secret:
        _check_secret(secret)
        endpoint.secret = secret
        fields.append("secret")
    endpoint.save(update_fields=fields)
    audit_record(
        actor=actor,
        action="webhook.update",
        obj=endpoint,
        before=before,
        after={**_snapshot(endpoint), "secret_changed": bool(secret)},
    )
    return endpoint


@audited
def endpoint_resume(*, actor: User, endpoint_id: int) -> Endpoint:
    """Lift the pause after repeated failures: the pending deliveries are due again at once
    (the periodic retry sends them)."""
    endpoint = _locked(actor, endpoint_id)
    if endpoint.paused_at is None:
        return endpoint
    before = endpoint.paused_at.isoformat()
    endpoint.paused_at, endpoint.consecutive_failures = None, 0
    endpoint.save(update_fields=["paused_at", "consecutive_failures"])
    Delivery.objects.filter(endpoint=endpoint, status=Delivery.Status.PENDING).update(
        next_attempt_at=clock.now()
    )
    audit_record(actor=actor, action="webhook.resume", obj=endpoint, before={"paused_at": before})
    return endpoint


TEST_EVENT = "netral.test"


@dataclass(frozen=True)
class TestSend:
    """What a test delivery sent and what the partner answered."""

    url: str
    headers: dict[str, str]
    body: str
    status_code: int | None
    error: str
    ok: bool


def endpoint_test_send(*, actor: User, endpoint_id: int) -> TestSend:
    """Send a signed test event (type ``netral.test``, id 0, never stored in the log) to the
    endpoint now, paused or not, and return the request and the answer (issue #16 item 5)."""
    require(actor, "webhook.manage")
    endpoint = Endpoint.objects.filter(pk=endpoint_id).first()
    if endpoint is None:
        raise NotFound(ENDPOINT_NOT_FOUND)
    now = clock.now()
    event = Event(id=0, type=TEST_EVENT, occurred_at=now, data={"test": True})
    body, headers = signed_request(endpoint=endpoint, event=event, now=now)
    outcome = post(endpoint.url, body, headers)  # outside any transaction
    audit_record(
        actor=actor,
        action="webhook.test",
        obj=endpoint,
        after={"status_code": outcome.status_code, "error": outcome.error},
    )
    return TestSend(
        url=endpoint.url,
        headers=headers,
        body=body.decode(),
        status_code=outcome.status_code,
        error=outcome.error,
        ok=outcome.ok,
    )
