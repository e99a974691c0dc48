"""The hook mechanism (``netral.common.hooks``) and the layering it buys: reports and cases
import nothing from the apps above them, yet intake still opens a case, a decision still
issues its recommendations and a case with open follow-up still refuses to close."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from netral.common.hooks import Hook
from netral.reports import hooks as report_hooks

NETRAL = Path(__file__).resolve().parents[2]
TEMPLATES = NETRAL / "templates"
# Apps above each lower app (bottom to top: ... reports; cases; followup; ...; analytics; demo).
ABOVE = {
    "reports": {"cases", "followup", "analytics", "demo", "triage"},
    "cases": {"followup", "analytics", "demo", "triage"},
}


def test_handlers_run_in_registration_order_and_answer_in_order() -> None:
    hook: Hook[int, int] = Hook("test.numbers")
    seen: list[str] = []

    def first(n: int) -> int:
        seen.append("first")
        return n + 1

    def second(n: int) -> int:
        seen.append("second")
        return n * 10

    hook.register(first)
    hook.register(second)
    hook.register(first)  # kept once (ready() may run twice)
    assert hook.ask(4) == [5, 40]
    hook.fire(1)
    assert seen == ["first", "second", "first", "second"]


def test_an_error_stops_the_chain_and_reaches_the_caller() -> None:
    hook: Hook[None, None] = Hook("test.errors")
    after: list[int] = []

    def broken(_: None) -> None:
        raise RuntimeError("refused")

    hook.register(broken)
    hook.register(lambda _: after.append(1))
    with pytest.raises(RuntimeError, match="refused"):
        hook.fire(None)
    assert after == []


def test_a_required_hook_without_handlers_refuses() -> None:
    hook: Hook[None, None] = Hook("test.required", required=True)
    with pytest.raises(LookupError):
        hook.fire(None)


def _imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    apps: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "netral" and len(parts) > 1:
                apps.add(parts[1])
    return apps


@pytest.mark.parametrize("app", sorted(ABOVE))
def test_lower_app_imports_no_app_above_it(app: str) -> None:
    """Every module of the app (tests aside: they may build a whole workflow), including
    imports inside functions."""
    modules = [
        p for p in (NETRAL / app).rglob("*.py") if "tests" not in p.relative_to(NETRAL).parts
    ]
    assert len(modules) > 5
    offending = {
        str(path.relative_to(NETRAL)): sorted(_imported_apps(path) & ABOVE[app]) for path in modules
    }
    assert {path: apps for path, apps in offending.items() if apps} == {}


@pytest.mark.parametrize("app", sorted(ABOVE))
def test_lower_app_templates_link_no_app_above_it(app: str) -> None:
    above = "|".join(sorted(ABOVE[app]))
    pattern = re.compile(rf"""\{{%\s*url\s+['"]({above}):""")
    templates = list((TEMPLATES / app).rglob("*.html"))
    assert templates
    offending = [str(p.relative_to(TEMPLATES)) for p in templates if pattern.search(p.read_text())]
    assert offending == []


@pytest.mark.django_db
def test_intake_opens_the_case_through_the_hook(elections: Any) -> None:
    from netral.cases.tests.factories import case_from_report

    case, _code = case_from_report()
    assert case.pk and case.reports.count() == 1


@pytest.mark.django_db
def test_a_failing_handler_leaves_nothing_half_stored(elections: Any) -> None:
    from netral.cases.tests.factories import case_from_report
    from netral.reports.models import Report

    def refuse(_: report_hooks.ReportSubmitted) -> None:
        raise RuntimeError("case handling is down")

    with report_hooks.report_submitted.replaced(refuse), pytest.raises(RuntimeError):
        case_from_report()
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_intake_refuses_without_case_handling(elections: Any) -> None:
    """A report must never be stored with nobody to handle it."""
    from netral.cases.tests.factories import case_from_report
    from netral.reports.models import Report

    with report_hooks.report_submitted.replaced(), pytest.raises(LookupError):
        case_from_report()
    assert Report.objects.count() == 0
