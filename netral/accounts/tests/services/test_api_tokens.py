from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import api_token_authenticate, api_token_create, api_token_revoke
from netral.audit.models import AuditEntry
from netral.common.errors import NotFound

pytestmark = pytest.mark.usefixtures("regions")


def test_token_is_stored_only_as_a_digest(make_user: Callable[..., User]) -> None:
    user = make_user(Role.BKN_OFFICER)
    issued = api_token_create(actor=user, owner=user, name="skrip")
    assert issued.raw.startswith("ntl_") and len(issued.raw) > 40
    row = ApiToken.objects.get(pk=issued.token.pk)
    stored = [str(v) for v in row.__dict__.values()]
    assert issued.raw not in stored
    assert api_token_authenticate(raw=issued.raw) == user
    assert AuditEntry.objects.filter(action="apitoken.create", object_id=str(row.pk)).exists()


def test_wrong_revoked_expired_or_inactive_tokens_fail(make_user: Callable[..., User]) -> None:
    user = make_user(Role.BAWASLU_STAFF, "32.75")
    issued = api_token_create(actor=user, owner=user, name="a")
    assert api_token_authenticate(raw=issued.raw + "x") is None
    assert api_token_authenticate(raw="not-a-token") is None

    expired = api_token_create(actor=user, owner=user, name="b")
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_at=timezone.now() - timedelta(1))
    assert api_token_authenticate(raw=expired.raw) is None

    api_token_revoke(actor=user, token_id=issued.token.pk)
    assert api_token_authenticate(raw=issued.raw) is None
    assert AuditEntry.objects.filter(action="apitoken.revoke").count() == 1

    other = api_token_create(actor=user, owner=user, name="c")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert api_token_authenticate(raw=other.raw) is None


def test_someone_elses_token_looks_missing(make_user: Callable[..., User]) -> None:
    owner = make_user(Role.BAWASLU_STAFF, "32.75")
    stranger = make_user(Role.BAWASLU_STAFF, "32.75")
    issued = api_token_create(actor=owner, owner=owner, name="a")
    with pytest.raises(NotFound):
        api_token_revoke(actor=stranger, token_id=issued.token.pk)
    assert api_token_authenticate(raw=issued.raw) == owner
