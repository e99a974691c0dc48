"""Health check against a real unreachable database, and the back office."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry


def test_healthz_answers_503_when_the_database_is_unreachable(
    client: Client, django_db_blocker: Any
) -> None:
    with django_db_blocker.unblock():
        connection = connections["default"]
        saved = dict(connection.settings_dict)
        connection.close()
        try:
            if connection.vendor == "sqlite":
                connection.settings_dict["NAME"] = "/nonexistent-netral-dir/db.sqlite3"
            else:
                connection.settings_dict["PORT"] = "1"  # nothing listens there
            response = client.get("/healthz")
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


@pytest.mark.usefixtures("regions")
def test_admin_lists_users_and_audits_changes(
    sign_in: Callable[..., tuple[Client, User]], make_user: Callable[..., User]
) -> None:
    client, _ = sign_in(Role.ADMIN)  # the real sign-in: the back office needs both factors
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/audit/auditentry/").status_code == 200
    page = client.get(f"/admin/accounts/user/{staff.pk}/change/")
    assert page.status_code == 200
    data = {
        "first_name": staff.first_name,
        "last_name": staff.last_name,
        "email": staff.email,
        "is_active": "on",
        "role": Role.BAWASLU_LEADER,
        "jurisdiction": "32.75",
        "office_name": staff.office_name,
    }
    response = client.post(f"/admin/accounts/user/{staff.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    entry = AuditEntry.objects.filter(action="user.change").latest("seq")
    assert entry.before == {"role": "bawaslu_staff"}
    assert entry.after == {"role": "bawaslu_leader"}
    # The trail cannot be edited from the back office.
    first = AuditEntry.objects.first()
    assert first is not None
    assert client.post(f"/admin/audit/auditentry/{first.pk}/delete/").status_code == 403
