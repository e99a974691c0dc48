from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.partners import services
from netral.partners.models import Endpoint
from netral.partners.tests.partner_server import Partner, start

SECRET = "s3cret-of-the-partner-0123456789"


@pytest.fixture
def partner() -> Iterator[Partner]:
    found = Partner()
    server, thread = start(found)
    yield found
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def register_endpoint(make_user: Any) -> Callable[..., Endpoint]:
    admin = make_user(Role.ADMIN)

    def register(url: str, region: str | None, types: list[str], secret: str = SECRET) -> Endpoint:
        return services.endpoint_register(
            actor=admin,
            name="Mitra uji",
            url=url,
            event_types=types,
            region_code=region,
            secret=secret,
        )

    return register
