"""``/verify/<number>`` look-ups are rate-limited per client, so numbers cannot be walked."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("elections")


def test_number_lookups_are_rate_limited(settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"document-lookup": (3, 3600)}
    client = Client()
    statuses = [client.get(f"/verify/NTL-2024-{n:05d}").status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]
    assert "coba lagi" in client.get("/verify/NTL-2024-00009").content.decode()
    # Another client (a different address) still looks up.
    other = Client(REMOTE_ADDR="198.51.100.4")
    assert other.get("/verify/NTL-2024-00001").status_code == 404
