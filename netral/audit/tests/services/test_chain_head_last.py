"""The audit chain head is the one row every writer in the country shares, so it must be the
last lock a transaction takes (``audited`` / ``audit_deferred`` append the entries as the
last write). A static check over every module: a transaction (``@transaction.atomic`` or
``with transaction.atomic()``) that writes an audit entry, directly or through a function
that does, must defer its entries: ``@audited``, or ``audit_deferred()`` in the ``with``.

Functions are matched by name across modules (a slight over-approximation: a name that some
auditing function bears counts as auditing everywhere)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]  # netral/


def _modules() -> list[tuple[Path, ast.Module]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        found.append((path, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def _called(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
    return names


def _functions(modules: list[tuple[Path, ast.Module]]) -> list[tuple[Path, ast.FunctionDef]]:
    return [
        (path, node)
        for path, tree in modules
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    ]


def _auditing(functions: list[tuple[Path, ast.FunctionDef]]) -> set[str]:
    """Names of functions that write an audit entry, directly or through another one."""
    names = {"audit_record"}
    while True:
        more = {fn.name for _, fn in functions if _called(fn) & names} - names
        if not more:
            return names
        names |= more


def _is_atomic(expr: ast.AST) -> bool:
    target = expr.func if isinstance(expr, ast.Call) else expr
    return isinstance(target, ast.Attribute) and target.attr == "atomic"


def _defers(expr: ast.AST) -> bool:
    target = expr.func if isinstance(expr, ast.Call) else expr
    name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
    return name in ("audit_deferred", "audited")


def test_every_transaction_that_audits_takes_the_chain_head_last() -> None:
    modules = _modules()
    functions = _functions(modules)
    auditing = _auditing(functions) - {"audit_record", "_append", "audited", "wrapper"}
    auditing.add("audit_record")
    offenders = []
    for path, fn in functions:
        if path.relative_to(ROOT).parts[:1] == ("audit",) and fn.name in ("_append", "wrapper"):
            continue  # the mechanism itself
        where = f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}"
        deferred = any(_defers(d) for d in fn.decorator_list)
        atomic = any(_is_atomic(d) for d in fn.decorator_list)
        if atomic and not deferred and _called(fn) & auditing:
            offenders.append(f"{where}: @transaction.atomic -> @audited")
        for node in ast.walk(fn):
            if not isinstance(node, ast.With) or deferred:
                continue
            items = [item.context_expr for item in node.items]
            if any(_is_atomic(e) for e in items) and not any(_defers(e) for e in items):
                body = ast.Module(body=node.body, type_ignores=[])
                if _called(body) & auditing:
                    offenders.append(f"{where}:{node.lineno}: add audit_deferred() to the with")
    assert offenders == [], "\n".join(offenders)


def test_the_check_sees_an_atomic_service_that_audits(tmp_path: Path) -> None:
    sample = ast.parse(
        "from django.db import transaction\n"
        "@transaction.atomic\n"
        "def thing_update():\n"
        "    save()\n"
        "    audit_record(actor=None, action='x')\n"
    )
    (fn,) = [n for n in ast.walk(sample) if isinstance(n, ast.FunctionDef)]
    assert any(_is_atomic(d) for d in fn.decorator_list)
    assert "thing_update" in _auditing([(tmp_path, fn)])
