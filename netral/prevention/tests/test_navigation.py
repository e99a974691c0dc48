"""The public finds the guide and the pledge from the home page and the menu of every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_page_links_the_guide_and_the_pledge(client: Client) -> None:
    body = client.get(reverse("home")).content.decode()
    assert body.count('href="/boleh-atau-tidak/"') >= 2  # the menu and the home page
    assert body.count('href="/ikrar/"') >= 2
    assert "Boleh atau tidak?" in body and "Ikrar netralitas" in body


def test_menu_marks_the_guide_as_the_current_page(client: Client) -> None:
    body = client.get("/boleh-atau-tidak/").content.decode()
    assert 'href="/boleh-atau-tidak/" aria-current="page"' in body
    assert 'href="/ikrar/"' in body


def test_home_page_links_are_in_english_too(client: Client) -> None:
    client.cookies["django_language"] = "en"
    body = client.get(reverse("home")).content.decode()
    assert "Neutrality pledge" in body and "For civil servants" in body
