"""Pages: the staff dashboard (scoped to the jurisdiction), the IKP method page, the exports,
and the public open data page. Thin: ``selectors``/``ikp`` compute, templates show.

A region outside the user's jurisdiction is the 404 page, like an unknown one.
"""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import User
from netral.accounts.permissions import audience_key, covers, has_capability
from netral.analytics import exports
from netral.analytics.ikp import IkpResult, ikp_for_dashboard, ikp_for_region, ikp_for_regions
from netral.analytics.opendata import open_json, open_rows
from netral.analytics.pledges import pledge_aggregates_cached
from netral.analytics.prevention import prevention_panel
from netral.analytics.scope import Scope, scope_get
from netral.analytics.selectors import (
    Dashboard,
    case_export_list,
    dashboard_cached,
    election_choices,
    stats_cached,
)
from netral.analytics.tilemap import METRICS, LegendItem, tiles
from netral.cases.models import Status
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.numbers import number_text
from netral.followup.selectors import compliance, compliance_total
from netral.regions.models import Region
from netral.regions.tilemap import HEIGHT, WIDTH
from netral.rules.labels import rule_name
from netral.rules.selectors import ikp_method_get, violation_type_list


def _refused(request: HttpRequest, error: ApplicationError) -> HttpResponse:
    if isinstance(error, NotFound):
        return render(request, "404.html", status=404)
    if isinstance(error, PermissionDenied):
        return render(request, "403.html", status=403)
    return render(request, "analytics/bad_request.html", {"message": error.message}, status=400)


def _scope(request: HttpRequest, actor: User | None) -> Scope:
    return scope_get(
        actor=actor,
        region_code=request.GET.get("region"),
        election_id=request.GET.get("election"),
    )


def _link(name_params: dict[str, str], **changes: str) -> str:
    params = {**name_params, **changes}
    return "?" + urlencode({k: v for k, v in params.items() if v})


def _breadcrumbs(scope: Scope, actor: User | None) -> list[tuple[str, str]]:
    """(label, region code) from the top the actor may open down to the scope's parent."""
    crumbs: list[tuple[str, str]] = []
    if scope.region is None:
        return crumbs
    if actor is None or covers(actor, None):
        crumbs.append(("Indonesia", ""))
    parent = scope.region.parent
    if parent is not None and (actor is None or covers(actor, parent)):
        crumbs.append((parent.name, parent.code))
    return crumbs


def _map(
    dashboard: Dashboard, metric: str, params: dict[str, str], ikp: dict[str, IkpResult]
) -> dict[str, Any]:
    names = {r.code: r.name for r in dashboard.regions}
    classes = None
    if metric == "ikp":
        values = {code: result.rounded for code, result in ikp.items()}
        classes = {code: result.klass.code if result.klass else "0" for code, result in ikp.items()}
    elif metric == "rate":
        values = {r.code: r.violation_rate for r in dashboard.regions}
    else:
        values = {r.code: float(r.total) for r in dashboard.regions}
    grid, legend = tiles(
        names=names,
        values=values,
        href=lambda code: _link(params, region=code),
        classes=classes,
        fmt=number_text,
    )
    if metric == "ikp":
        legend += [
            LegendItem(k.code, f"{rule_name(k)} ({number_text(k.lower)}-{number_text(k.upper)})")
            for k in ikp_method_get().classes
        ]
    return {"tiles": grid, "legend": legend, "width": WIDTH, "height": HEIGHT}


def _figures_context(
    request: HttpRequest,
    scope: Scope,
    params: dict[str, str],
    metric: str,
    query: str,
    can_export: bool,
) -> dict[str, Any]:
    data = dashboard_cached(scope=scope, now=clock.now())
    # The index of every region shown costs a few more queries: only when asked for.
    region_ikp: dict[str, IkpResult] = {}
    if metric == "ikp" and data.regions:
        codes = [r.code for r in data.regions]
        region_ikp = stats_cached(
            "ikp-map",
            scope.region,
            scope.election,
            lambda: ikp_for_regions(
                regions=list(Region.objects.filter(code__in=codes)), election=scope.election
            ),
        )
    # The figures fragment is cached as a whole, so its own index needs no cache of its own.
    own_ikp = ikp_for_dashboard(data) if scope.region is not None else None
    return {
        "dashboard": data,
        "scope": scope,
        "params": params,
        "query": query,
        "metric": metric,
        "metrics": [(key, label, _link(params, peta=key)) for key, label in METRICS.items()],
        "map": _map(data, metric, params, region_ikp) if scope.region is None else None,
        "region_ikp": region_ikp,
        "region_rows": [
            (r, _link(params, region=r.code), region_ikp.get(r.code)) for r in data.regions
        ],
        "own_ikp": own_ikp,
        "can_export": can_export,
    }


def _panels_context(actor: User, scope: Scope, query: str, can_export: bool) -> dict[str, Any]:
    return {
        "scope": scope,
        "query": query,
        "can_export_cases": can_export and has_capability(actor, "case.view"),
        "statuses": Status.choices,
        "violation_types": violation_type_list(),
        # Neutrality recommendations to BKN whose PPK lies in the scope (netral.followup).
        "followup": compliance_total(
            compliance(
                actor=actor,
                by="total",
                region_code=scope.region.code if scope.region else None,
            )
        ),
        # Neutrality pledges, individual and collective (netral.analytics.pledges).
        "pledges": pledge_aggregates_cached(scope=scope),
        # Prevention work beside enforcement (netral.analytics.prevention).
        "prevention": prevention_panel(actor=actor, scope=scope),
    }


@never_cache
@require_GET
@staff_required("dashboard.view")
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    try:
        scope = _scope(request, actor)
    except ApplicationError as error:
        return _refused(request, error)
    params = scope.query_params()
    metric = request.GET.get("peta", "count")
    metric = metric if metric in METRICS else "count"
    query = urlencode({k: v for k, v in params.items() if v})
    can_export = has_capability(actor, "export.download")
    # The page is two cached fragments around a light frame: the figures (the scope's
    # numbers, the same for everybody who may open the scope) and the panels (what the
    # viewer's role and jurisdiction see). A warm request computes neither.
    figures = stats_cached(
        f"figures:{metric}:{int(can_export)}",
        scope.region,
        scope.election,
        lambda: render_to_string(
            "analytics/_figures.html",
            _figures_context(request, scope, params, metric, query, can_export),
            request,
        ),
    )
    panels = stats_cached(
        f"panels:{audience_key(actor)}",
        scope.region,
        scope.election,
        lambda: render_to_string(
            "analytics/_panels.html", _panels_context(actor, scope, query, can_export), request
        ),
    )
    context = {
        "scope": scope,
        "breadcrumbs": [
            (label, _link(params, region=code) if code else _link(params, region=""))
            for label, code in _breadcrumbs(scope, actor)
        ],
        "elections": stats_cached(
            "elections", scope.region, None, lambda: list(election_choices(scope=scope))
        ),
        "figures": mark_safe(figures),  # noqa: S308 - our own templates' output
        "panels": mark_safe(panels),  # noqa: S308
    }
    return render(request, "analytics/dashboard.html", context)


@never_cache
@require_GET
@staff_required("export.download")
def dashboard_export(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    """One dashboard table (or ``all`` of them, XLSX only) as CSV or XLSX."""
    try:
        scope = _scope(request, request_staff(request))
    except ApplicationError as error:
        return _refused(request, error)
    data = dashboard_cached(scope=scope, now=clock.now())
    keys = ["totals", *(t.key for t in data.tables), "regions"]
    if fmt not in exports.FORMATS or (key not in keys and not (key == "all" and fmt == "xlsx")):
        return render(request, "404.html", status=404)
    suffix = scope.region.code.replace(".", "-") if scope.region else "nasional"
    filename = f"netral-{key}-{suffix}"
    if key == "all":
        return exports.xlsx_response(
            filename, [(k, exports.dashboard_sheet(data, k)) for k in keys]
        )
    header, rows = exports.dashboard_sheet(data, key)
    if fmt == "csv":
        return exports.csv_table_response(filename, header, rows)
    return exports.xlsx_response(filename, [(key, (header, rows))])


@never_cache
@require_GET
@staff_required("export.download")
def case_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered case list (CSV streams; XLSX is written row by row)."""
    actor = request_staff(request)
    try:
        scope = _scope(request, actor)
        cases = case_export_list(
            actor=actor,
            scope=scope,
            status=request.GET.get("status", ""),
            violation_type=request.GET.get("violation_type", ""),
        )
    except ApplicationError as error:
        return _refused(request, error)
    if fmt == "csv":
        # Streamed; cast because the staff decorator is typed for HttpResponse.
        stream = exports.csv_response("kasus", exports.CASE_HEADER, exports.case_export_rows(cases))
        return cast(HttpResponse, stream)
    if fmt == "xlsx":
        return exports.case_export_xlsx(cases)
    return render(request, "404.html", status=404)


@never_cache
@require_GET
@staff_required("dashboard.view")
def ikp_method(request: HttpRequest, code: str) -> HttpResponse:
    """Every step of one region's index: raw -> normalised -> weighted -> sub-dimension ->
    dimension -> score -> class."""
    actor = request_staff(request)
    try:
        scope = scope_get(actor=actor, region_code=code, election_id=request.GET.get("election"))
    except ApplicationError as error:
        return _refused(request, error)
    if scope.region is None:
        return render(request, "404.html", status=404)
    result = ikp_for_region(region=scope.region, election=scope.election)
    context = {
        "scope": scope,
        "result": result,
        "method": ikp_method_get(),
        "back": _link(scope.query_params()),
    }
    return render(request, "analytics/ikp_method.html", context)


# --- public ----------------------------------------------------------------------------------


def _public(request: HttpRequest) -> Dashboard:
    return dashboard_cached(scope=_scope(request, None), now=clock.now())


@require_GET
@cache_control(public=True, max_age=300)
def open_data(request: HttpRequest) -> HttpResponse:
    try:
        data = _public(request)
    except ApplicationError as error:
        return _refused(request, error)
    params = data.scope.query_params()
    rows = open_rows(data)
    tables: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = tables.setdefault(row.table, {"title": row.table_title, "rows": []})
        link = _link(params, region=row.key) if row.table == "regions" else ""
        entry["rows"].append((row, link))
    context = {
        "scope": data.scope,
        "tables": list(tables.values()),
        "query": urlencode({k: v for k, v in params.items() if v}),
        "breadcrumbs": [
            (label, _link(params, region=code)) for label, code in _breadcrumbs(data.scope, None)
        ],
    }
    return render(request, "analytics/open_data.html", context)


@require_GET
@cache_control(public=True, max_age=300)
def open_data_file(request: HttpRequest, fmt: str) -> HttpResponse:
    try:
        data = _public(request)
    except ApplicationError as error:
        return JsonResponse({"detail": error.message}, status=error.status_code)
    suffix = data.scope.region.code.replace(".", "-") if data.scope.region else "nasional"
    if fmt == "json":
        response = JsonResponse(open_json(data, generated=timezone.now()))
        response["Content-Disposition"] = f'attachment; filename="netral-statistik-{suffix}.json"'
        return response
    rows = [[r.table, r.key, r.label, r.value] for r in open_rows(data)]
    return exports.csv_table_response(
        f"netral-statistik-{suffix}", ["table", "code", "label", "value"], rows
    )
