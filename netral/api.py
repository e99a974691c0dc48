"""The REST API (django-ninja), mounted at /api/ with OpenAPI docs at /api/docs.

One exception handler per domain error turns it into JSON with a reason, so no endpoint has
to catch them and none answers with a 500 for bad input.
"""

from __future__ import annotations

import logging

from django.core.exceptions import (
    BadRequest,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.signals import got_request_exception
from django.http import HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from netral.accounts.apis import router as accounts_router
from netral.accounts.audit_apis import router as audit_router
from netral.analytics.apis import router as analytics_router
from netral.cases.apis import router as cases_router
from netral.common.errors import ApplicationError
from netral.common.jsonparse import BoundedParser, JsonRejected
from netral.elections.apis import router as elections_router
from netral.followup.apis import router as followup_router
from netral.regions.apis import router as regions_router
from netral.reports.apis import router as reports_router
from netral.rules.apis import router as rules_router

api = NinjaAPI(
    title="Netral API",
    version="1",
    description=(
        "Pelaporan dan penanganan pelanggaran netralitas ASN. Endpoint publik tidak memerlukan "
        "autentikasi; endpoint staf memakai token pribadi: `Authorization: Bearer <token>`."
    ),
    urls_namespace="api",
    # Bodies are parsed with depth, number and surrogate limits (``common.jsonparse``).
    parser=BoundedParser(),
    # Swagger UI from ninja's own static files (``ninja`` is in INSTALLED_APPS) with its
    # external init script: nothing from a CDN, nothing inline, so our CSP lets it run. No
    # validator badge either (it would load an image from validator.swagger.io).
    docs=Swagger(settings={"validatorUrl": None, "tryItOutEnabled": False}),
)

logger = logging.getLogger("django.request")

NOT_JSON = "Isi permintaan bukan JSON yang sah."
BODY_TOO_LARGE = "Permintaan terlalu besar."
BAD_REQUEST = "Permintaan tidak dapat dibaca: {reason}"
SERVER_ERROR = "Terjadi kesalahan pada layanan. Kesalahan ini telah dicatat; coba lagi nanti."
NO_SUCH_ENDPOINT = "Alamat API ini tidak ada. Daftar endpoint: /api/docs."
INVALID_INPUT = "Masukan tidak valid — {reasons}"
INVALID_VALUE = "tidak valid"
AUTH_REQUIRED = "Autentikasi diperlukan: kirim token pribadi yang masih berlaku."


@api.exception_handler(ApplicationError)
def _application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    body: dict[str, object] = {"detail": exc.message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = [
        ".".join(str(p) for p in e.get("loc", ()) if p not in ("body", "payload"))
        for e in exc.errors
    ]
    reasons = "; ".join(
        f"{field or 'body'}: {e.get('msg') or _(INVALID_VALUE)}"
        for field, e in zip(fields, exc.errors, strict=True)
    )
    return api.create_response(
        request,
        {"detail": _(INVALID_INPUT).format(reasons=reasons), "errors": exc.errors},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": _(AUTH_REQUIRED)},
        status=401,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    # ninja wraps whatever the body parser raised in "Cannot parse request body".
    if isinstance(exc.__cause__, JsonRejected):
        detail = str(exc.__cause__.message)
    elif exc.__cause__ is not None:
        detail = _(NOT_JSON)
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, {"detail": _(BODY_TOO_LARGE)}, status=413)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(TooManyFieldsSent)
@api.exception_handler(TooManyFilesSent)
@api.exception_handler(UnreadablePostError)
@api.exception_handler(BadRequest)
@api.exception_handler(SuspiciousOperation)
def _unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A body Django cannot parse (broken multipart, too many fields or files): 400 with
    Django's reason, where Django alone would answer with an HTML page."""
    return api.create_response(request, {"detail": _(BAD_REQUEST).format(reason=exc)}, status=400)


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A bug: logged and signalled as Django does for a 500 (the test client re-raises it),
    but answered in JSON like every other API error."""
    logger.error("Internal Server Error: %s", request.path, exc_info=exc)
    got_request_exception.send(sender=None, request=request)
    return api.create_response(request, {"detail": _(SERVER_ERROR)}, status=500)


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Every path under /api/ that no endpoint serves: a JSON 404, not the HTML page."""
    return JsonResponse({"detail": _(NO_SUCH_ENDPOINT)}, status=404)


api.add_router("/regions", regions_router)
api.add_router("/elections", elections_router)
api.add_router("/rules", rules_router)
api.add_router("/accounts", accounts_router)
api.add_router("/audit", audit_router)
api.add_router("/reports", reports_router)
api.add_router("/public", cases_router)
api.add_router("/stats", analytics_router)
api.add_router("/followup", followup_router)
api.add_router("/documents", "netral.documents.apis.router")
api.add_router("/guidance", "netral.prevention.guidance_apis.router")
api.add_router("/pledges", "netral.prevention.pledges_apis.router")
api.add_router("/prevention/appeals", "netral.prevention.appeals_apis.router")
api.add_router("/prevention/warnings", "netral.prevention.warnings_apis.router")
api.add_router("/triage/extract", "netral.triage.extract_apis.router")
api.add_router("/triage/duplicates", "netral.triage.duplicates_apis.router")
api.add_router("/triage/classify", "netral.triage.classify_apis.router")
api.add_router("/events", "netral.partners.apis.router")
api.add_router("/schemas", "netral.partners.exchange_apis.schema_router")
api.add_router("/cases", "netral.partners.exchange_apis.case_router")
api.add_router("/exchange", "netral.partners.exchange_apis.router")
