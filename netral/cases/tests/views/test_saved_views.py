"""Saved views in the inbox's filter panel: save the filters in use, apply, rename, share,
delete, through plain forms (no JavaScript)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from netral.accounts.models import SavedView, User
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")
SignIn = Callable[..., tuple[Client, User]]
INBOX = "/ruang-kerja/kasus/"


def test_save_apply_rename_and_delete(sign_in: SignIn) -> None:
    case_from_report(agency="Dinas Pendidikan Kota Bekasi")
    client, owner = sign_in("bawaslu_staff", "32.75")
    page = client.get(INBOX, {"q": "pendidikan", "status": "received"}).content.decode()
    assert 'action="/ruang-kerja/kasus/tampilan/"' in page  # the save form, in the panel
    assert 'name="query" value="q=pendidikan&amp;status=received"' in page

    response = client.post(
        reverse("saved_views:create"),
        {"name": "Pendidikan baru", "query": "status=received&q=pendidikan&page=3&evil=1"},
    )
    assert response.status_code == 302
    assert response["Location"] == INBOX + "?q=pendidikan&status=received"
    page = client.get(response["Location"]).content.decode()
    assert "Tampilan &#x27;Pendidikan baru&#x27; tersimpan." in page
    assert 'href="/ruang-kerja/kasus/?q=pendidikan&amp;status=received" aria-current="true"' in page
    view = SavedView.objects.get(owner=owner)
    assert view.query == "q=pendidikan&status=received"  # the page number and junk left out

    response = client.post(
        reverse("saved_views:update", kwargs={"view_id": view.pk}),
        {"name": "Dinas pendidikan", "shared": "1", "query": view.query},
    )
    assert response.status_code == 302
    view.refresh_from_db()
    assert (view.name, view.shared) == ("Dinas pendidikan", True)

    response = client.post(reverse("saved_views:create"), {"name": "dinas PENDIDIKAN"})
    page = client.get(response["Location"]).content.decode()
    assert "Anda sudah punya tampilan bernama" in page  # refused plainly, nothing stored
    assert SavedView.objects.count() == 1

    response = client.post(reverse("saved_views:delete", kwargs={"view_id": view.pk}))
    assert response.status_code == 302
    assert not SavedView.objects.exists()


def test_shared_views_show_to_the_office_and_stay_the_owners(sign_in: SignIn) -> None:
    owner_client, _ = sign_in("bawaslu_staff", "32.75")
    owner_client.post(
        reverse("saved_views:create"), {"name": "Tenggat dekat", "shared": "1", "query": ""}
    )
    view = SavedView.objects.get()
    colleague, _ = sign_in("bawaslu_leader", "32.75")
    page = colleague.get(INBOX).content.decode()
    assert "Tenggat dekat" in page
    assert "dibagikan oleh" in page
    assert reverse("saved_views:delete", kwargs={"view_id": view.pk}) not in page
    denied = colleague.post(reverse("saved_views:delete", kwargs={"view_id": view.pk}))
    assert denied.status_code == 403
    outsider, _ = sign_in("bawaslu_staff", "11.71")
    assert "Tenggat dekat" not in outsider.get(INBOX).content.decode()
    missing = outsider.post(reverse("saved_views:delete", kwargs={"view_id": view.pk}))
    assert missing.status_code == 404
    assert SavedView.objects.filter(pk=view.pk).exists()
    # Partners have no inbox and no saved views of it.
    partner, _ = sign_in("bkn")
    assert partner.post(reverse("saved_views:create"), {"name": "x"}).status_code == 403
