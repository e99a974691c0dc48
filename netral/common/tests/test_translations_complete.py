"""Guard: no user-facing string reaches an English reader in Indonesian.

Two static checks over the source (no request, no database), so a new untranslated message
fails here and not in front of a user:

1. Every string marked for translation in Python (``gettext``, ``gettext_lazy``,
   ``gettext_noop``, ``_``...) and in the templates (``{% translate %}``,
   ``{% blocktranslate %}``) has a non-empty, non-fuzzy English entry in the catalog. Templates
   are read through Django's own ``templatize`` (what ``makemessages`` runs), Python through
   Babel's extractor (what built the catalog), so no GNU gettext is needed.
2. Every message handed to a place that shows it can be translated: a domain error
   (``ApplicationError`` and its kind, translated when read) gets a constant that is a msgid of
   the catalog, with its values in ``params``, never text already filled in; the other places
   (form errors, flash messages, API refusals) get text already passed through ``gettext``.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]  # the netral package
CATALOG = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
}
MARKERS = frozenset(KEYWORDS)
# Code no visitor reads: tests, migrations, operators' commands, demo data, official documents
# (PDF text stays in the law's Indonesian).
NOT_SHOWN = frozenset({"tests", "migrations", "management", "demo"})

# Errors translated when read (``ApplicationError.message``): the message must be a msgid.
ON_READ = frozenset(
    {
        "ApplicationError",
        "NotFound",
        "PermissionDenied",
        "Conflict",
        "EvidenceRejected",
        "IntakeError",
        "JsonRejected",
    }
)
# Places that show their text as given: it must come through gettext.
AS_GIVEN_SECOND_ARG = frozenset({"add_error", "_refuse"})
FLASH = frozenset({"error", "success", "warning", "info"})


def _catalog() -> Catalog:
    with CATALOG.open("rb") as handle:
        return read_po(handle)


def _english(catalog: Catalog, msgid: str, context: str | None = None) -> bool:
    entry = catalog.get(msgid, context=context)
    if entry is None or entry.fuzzy:
        return False
    strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    return all(strings)


def _sources() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        if not NOT_SHOWN & set(path.relative_to(ROOT).parts):
            yield path


def _marked() -> Iterator[tuple[str, str, str | None]]:
    """(where, msgid, context) of every string marked for translation."""
    files = [*_sources(), *sorted((ROOT / "templates").rglob("*.html"))]
    files += sorted(ROOT.glob("*/templates/**/*.html"))
    for path in files:
        source = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            # templatize keeps line numbers; Babel's tokenizer wants no stray indentation.
            text = templatize(source, origin=str(path))
            source = "\n".join(line.lstrip() for line in text.splitlines())
        found = extract("python", io.BytesIO(source.encode()), keywords=KEYWORDS)
        for lineno, message, _comments, context in found:
            msgid = message if isinstance(message, str) else message[0]
            if msgid:
                yield f"{path.relative_to(ROOT)}:{lineno}", msgid, context


def test_every_marked_string_has_english() -> None:
    catalog = _catalog()
    missing = sorted(
        f"{where}: {msgid!r}"
        for where, msgid, context in _marked()
        if not _english(catalog, msgid, context)
    )
    assert not missing, "no English entry in django.po for:\n" + "\n".join(missing)


def test_the_guard_sees_templates_and_code() -> None:
    """The extraction itself works (an empty result would pass the test above vacuously)."""
    where = {w.split(":")[0].rsplit(".", 1)[-1] for w, _m, _c in _marked()}
    assert {"py", "html"} <= where


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _constants(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = list(statement.targets), statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                found[target.id] = value
    return found


def _literal(node: ast.expr, constants: dict[str, ast.expr]) -> str | None:
    """The text of a string literal or of a module constant holding one."""
    if isinstance(node, ast.Name) and node.id in constants:
        node = constants[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _marked_call(node: ast.expr, constants: dict[str, ast.expr]) -> bool:
    if isinstance(node, ast.Name) and node.id in constants:
        node = constants[node.id]
    return isinstance(node, ast.Call) and _name(node.func) in MARKERS


def _sinks(tree: ast.Module) -> Iterator[tuple[ast.Call, ast.expr, bool]]:
    """(call, message argument, translated on read) of every call that shows a message."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in ON_READ and node.args:
            yield node, node.args[0], True
        elif (name in AS_GIVEN_SECOND_ARG and len(node.args) > 1) or (
            name in FLASH
            and isinstance(node.func, ast.Attribute)
            and _name(node.func.value) == "messages"
            and len(node.args) > 1
        ):
            yield node, node.args[1], False
        elif name == "ValidationError" and node.args:
            yield node, node.args[0], False


def _problem(
    message: ast.expr, on_read: bool, constants: dict[str, ast.expr], catalog: Catalog
) -> str | None:
    # Filling in is fine after translation (``_(X) % {...}``, ``_(X).format(...)``).
    receiver: ast.expr | None = None
    if isinstance(message, ast.BinOp) and isinstance(message.op, ast.Mod):
        receiver = message.left
    elif isinstance(message, ast.Call) and isinstance(message.func, ast.Attribute):
        receiver = message.func.value if message.func.attr == "format" else None
    formatted = isinstance(message, ast.JoinedStr)
    if receiver is not None and not _marked_call(receiver, constants):
        formatted = True
    if formatted:
        return "text filled in before translation: pass the values in params="
    text = _literal(message, constants)
    if text is None:
        return None  # a variable or a gettext call: checked where it is made
    if not on_read:
        return "shown as given: wrap it in gettext/gettext_lazy"
    if not _english(catalog, text):
        return f"no English entry in django.po for {text!r}"
    return None


def test_every_shown_message_can_be_translated() -> None:
    catalog = _catalog()
    problems = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _constants(tree)
        for call, message, on_read in _sinks(tree):
            problem = _problem(message, on_read, constants, catalog)
            if problem:
                problems.append(f"{path.relative_to(ROOT)}:{call.lineno}: {problem}")
        # ``gettext(CONSTANT)``: the extractor cannot see the constant's text; check it here.
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Name)
            ):
                text = _literal(node.args[0], constants)
                if text is not None and not _english(catalog, text):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    problems.append(f"{where}: no English entry in django.po for {text!r}")
    assert not problems, "\n".join(problems)
