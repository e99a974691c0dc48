"""Public open data of neutrality pledges (``statistik/ikrar/``, its CSV and JSON): per
region and agency type, individual pledges and collective events side by side, small cells
suppressed (``netral.analytics.pledges``). Thin, like ``views``."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from netral.analytics import exports
from netral.analytics.pledges import PledgeOpenRow, pledge_aggregates_cached, pledge_open_rows
from netral.analytics.scope import Scope, scope_get
from netral.common.disclosure import SUPPRESSION_NOTE
from netral.common.errors import ApplicationError, NotFound

CSV_HEADER = ["table", "code", "label", "pledges", "events", "event_asn"]


def _public_scope(request: HttpRequest) -> Scope:
    return scope_get(
        actor=None,
        region_code=request.GET.get("region"),
        election_id=request.GET.get("election"),
    )


def _rows(scope: Scope) -> list[PledgeOpenRow]:
    return pledge_open_rows(pledge_aggregates_cached(scope=scope))


@require_GET
@cache_control(public=True, max_age=300)
def open_data_pledges(request: HttpRequest) -> HttpResponse:
    try:
        scope = _public_scope(request)
    except ApplicationError as error:
        if isinstance(error, NotFound):
            return render(request, "404.html", status=404)
        return render(request, "analytics/bad_request.html", {"message": error.message}, status=400)
    params = scope.query_params()
    tables: dict[str, dict[str, object]] = {}
    for row in _rows(scope):
        entry = tables.setdefault(
            row.table, {"key": row.table, "title": row.table_title, "rows": []}
        )
        link = ""
        if row.table == "pledges_by_region" and (
            scope.region is None or row.key != scope.region.code
        ):
            link = "?" + urlencode({**{k: v for k, v in params.items() if v}, "region": row.key})
        entry["rows"].append((row, link))  # type: ignore[attr-defined]
    context = {
        "scope": scope,
        "tables": list(tables.values()),
        "query": urlencode({k: v for k, v in params.items() if v}),
    }
    return render(request, "analytics/open_data_pledges.html", context)


@require_GET
@cache_control(public=True, max_age=300)
def open_data_pledges_file(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        scope = _public_scope(request)
    except ApplicationError as error:
        return JsonResponse({"detail": error.message}, status=error.status_code)
    suffix = scope.region.code.replace(".", "-") if scope.region else "nasional"
    rows = _rows(scope)
    if fmt == "json":
        tables: dict[str, dict[str, dict[str, object]]] = {}
        for row in rows:
            tables.setdefault(row.table, {})[row.key] = {
                "pledges": row.pledges,
                "events": row.events,
                "event_asn": row.event_asn,
            }
        response = JsonResponse(
            {
                "region": scope.region.code if scope.region else None,
                "election": scope.election.pk if scope.election else None,
                "generated_at": timezone.now().isoformat(),
                "suppression": SUPPRESSION_NOTE,
                "tables": tables,
            }
        )
        response["Content-Disposition"] = f'attachment; filename="netral-ikrar-{suffix}.json"'
        return response
    return exports.csv_table_response(
        f"netral-ikrar-{suffix}",
        CSV_HEADER,
        [[r.table, r.key, r.label, r.pledges, r.events, r.event_asn] for r in rows],
    )
