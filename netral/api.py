"""The REST API (django-ninja), mounted at /api/ with OpenAPI docs at /api/docs.

One exception handler per domain error turns it into JSON with a reason, so no endpoint has
to catch them and none answers with a 500 for bad input.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from netral.accounts.apis import router as accounts_router
from netral.accounts.audit_apis import router as audit_router
from netral.analytics.apis import router as analytics_router
from netral.cases.apis import router as cases_router
from netral.common.errors import ApplicationError
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
)


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
        f"{field or 'body'}: {e.get('msg', 'tidak valid')}"
        for field, e in zip(fields, exc.errors, strict=True)
    )
    return api.create_response(
        request, {"detail": f"Masukan tidak valid — {reasons}", "errors": exc.errors}, status=422
    )


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"detail": "Autentikasi diperlukan: kirim token pribadi yang masih berlaku."},
        status=401,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


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
