"""``request_staff``: the one way a view or endpoint gets its signed-in staff member."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from netral.accounts.decorators import request_staff
from netral.common.errors import PermissionDenied

NETRAL = Path(__file__).resolve().parents[2]


def test_anonymous_is_refused_not_trusted() -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        request_staff(request)


@pytest.mark.django_db
def test_signed_in_staff_is_returned(make_user: Any) -> None:
    user = make_user("bawaslu_staff", "32")
    request = RequestFactory().get("/")
    request.user = user
    assert request_staff(request) == user


def test_no_view_keeps_its_own_copy() -> None:
    copy = re.compile(r"^def _(staff|user)\(request: HttpRequest\)", re.MULTILINE)
    copies = [
        str(path.relative_to(NETRAL))
        for path in NETRAL.rglob("*.py")
        if "tests" not in path.parts and copy.search(path.read_text())
    ]
    assert copies == []
