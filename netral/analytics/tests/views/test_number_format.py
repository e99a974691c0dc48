"""Statistics pages write numbers as the language does: Indonesian 55,78 and 1.234, English
55.78 and 1,234; data attributes keep the plain number for machines."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings

from netral.analytics.tests.conftest import SPECS, build

pytestmark = pytest.mark.django_db


def _score(html: str) -> tuple[str, str]:
    found = re.search(r'<strong id="ikp-score" data-score="([^"]+)">([^<]+)</strong>', html)
    assert found, "the IKP score is on the page"
    return found.group(1), found.group(2)


@pytest.mark.parametrize("language", ["id", "en"])
def test_ikp_page_and_dashboard_numbers(dataset: Any, sign_in: Any, language: str) -> None:
    build({f"E{i}": SPECS["E"] for i in range(995)})  # 1,000 reports and informations
    client, _user = sign_in("bawaslu_leader")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    machine, shown = _score(client.get("/ruang-kerja/statistik/ikp/32.75/").content.decode())
    assert "." in machine and "," not in machine
    assert shown == (machine.replace(".", ",") if language == "id" else machine)

    html = client.get("/ruang-kerja/statistik/").content.decode()
    total = re.search(r'data-total="reports">([^<]+)<', html)
    assert total and total.group(1) == ("1.000" if language == "id" else "1,000")
