"""The API against its own OpenAPI document, with schemathesis: for every operation a fixed,
derandomized set of generated requests (valid and invalid), each answered without a server
error and exactly as documented (status code, content type, body schema). Issue 10, item 7.

Requests go straight to the WSGI application inside the test's transaction, as Django's test
client does; staff operations carry a national leader's token so they run past the door, and
schemathesis also checks they refuse a request without it. Rate limits are raised so that
hundreds of generated reports are not throttled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import api_token_create
from netral.api import api
from netral.cases.models import Verdict
from netral.followup.tests.factories import decided_case

# Per operation; 25 operations x 20 examples stay well under a minute on SQLite.
EXAMPLES = 20
UNLIMITED = (1_000_000, 60)


@pytest.fixture(autouse=True)
def api_under_test(
    db: Any, elections: None, settings: Any, make_user: Callable[..., User]
) -> Iterator[None]:
    settings.NETRAL_RATE_LIMITS = {
        name: UNLIMITED
        for name in (
            "report-submit",
            "report-submit-all",
            "receipt-lookup",
            "receipt-lookup-all",
            "document-verify",
            "document-verify-all",
        )
    }
    decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY])  # a recommendation to read
    # Django closes "old" connections around each request; inside the test's transaction that
    # would end it. The test client disconnects the same handlers.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_headers(make_user: Callable[..., User]) -> Callable[[], dict[str, str]]:
    """A national leader's bearer token, issued again whenever a generated request revoked it
    (``DELETE /api/accounts/tokens/{id}`` may hit its id)."""
    user = make_user(Role.BAWASLU_LEADER)
    current: dict[str, Any] = {}

    def headers() -> dict[str, str]:
        token = current.get("token")
        if token is None or ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=False):
            issued = api_token_create(actor=user, owner=user, name="schemathesis")
            current.update(token=issued.token, raw=issued.raw)
        # The WSGI test client hands over the body as sent; it does not undo gzip.
        return {"Authorization": f"Bearer {current['raw']}", "Accept-Encoding": "identity"}

    return headers


# The document /api/openapi.json serves, built without a request at collection time; the
# generated requests go to the WSGI application.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_params={}))
schema.app = WSGIHandler()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is shown as found
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case: Any, staff_headers: Callable[[], dict[str, str]]) -> None:
    # Not ``positive_data_acceptance``: the schemas describe shapes, and the domain refuses
    # many well-shaped requests with a documented 400/422 and a reason (a region that does not
    # exist, a known date before the event, a sanction the rulebook lacks). Those refusals are
    # still checked against the schema like every other response.
    case.call_and_validate(headers=staff_headers(), excluded_checks=[positive_data_acceptance])
