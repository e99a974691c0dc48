"""Reading and validating a rulebook version folder (``netral/rules/data/<version>/``).

Any problem stops the start with ``ImproperlyConfigured`` naming the file and the field: a
process never runs on a half-valid rulebook.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from pydantic import BaseModel, ValidationError

from netral.rules.checks import ParsedFiles, Problem, rulebook_problems
from netral.rules.files import FILE_SCHEMAS
from netral.rules.rulebook import Rulebook
from netral.rules.schemas import (
    CollectiveLeaveFile,
    CriminalArticlesFile,
    DeadlinesFile,
    IkpFile,
    OfficeHours,
    RequirementsFile,
    SanctionsFile,
    ViolationTypesFile,
)
from netral.rules.schemas_appeals import AppealsFile
from netral.rules.schemas_retention import RetentionFile
from netral.rules.schemas_warnings import WarningsFile

M = TypeVar("M", bound=BaseModel)

# Version folders are dotted numbers ("2024.1"); the highest is the one in force by default.
VERSION_RE = re.compile(r"^\d+(?:\.\d+)*$")

NO_ROOT = "Rulebook folder {root} does not exist (setting NETRAL_RULEBOOK_DIR)."
NO_VERSIONS = "Rulebook folder {root} holds no version folder such as '2024.1'."
NO_SUCH_VERSION = "Rulebook version {version!r} is not a folder of {root} (found: {found})."
MISSING_FILE = "file is missing"
UNKNOWN_FILE = "not a rulebook file (expected one of: {names})"


class RulebookInvalid(ImproperlyConfigured):
    """A rulebook version whose files break the schema or the cross-checks."""

    def __init__(self, *, version: str, problems: Sequence[Problem]) -> None:
        self.version = version
        self.problems = list(problems)
        lines = [
            f"- {p.file}: {p.field}: {p.message}" if p.field else f"- {p.file}: {p.message}"
            for p in self.problems
        ]
        super().__init__(f"Rulebook {version} is invalid:\n" + "\n".join(lines))


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def rulebook_versions(*, root: Path) -> list[str]:
    """The version folders under ``root``, oldest first."""
    if not root.is_dir():
        raise ImproperlyConfigured(NO_ROOT.format(root=root))
    found = [p.name for p in root.iterdir() if p.is_dir() and VERSION_RE.match(p.name)]
    return sorted(found, key=_version_key)


def _choose_version(*, root: Path, version: str | None) -> str:
    versions = rulebook_versions(root=root)
    if not versions:
        raise ImproperlyConfigured(NO_VERSIONS.format(root=root))
    if version is None:
        return versions[-1]
    if version not in versions:
        found = ", ".join(versions)
        raise ImproperlyConfigured(NO_SUCH_VERSION.format(version=version, root=root, found=found))
    return version


def _field_path(loc: Sequence[int | str], data: Any) -> str:
    """``('violation_types', 3, 'share_2020')`` -> ``violation_types[3].share_2020 (code 'x')``.

    The code of the innermost entry is added because indexes are hard to count in a file.
    """
    path = ""
    code = None
    node = data
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(node, dict) and isinstance(node.get("code"), str):
            code = node["code"]
    return f"{path} (code {code!r})" if code else path


def _parse(*, file: str, raw: bytes, problems: list[Problem]) -> BaseModel | None:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(Problem(file, "", f"not valid TOML: {exc}"))
        return None
    try:
        return FILE_SCHEMAS[file].model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = _field_path(error["loc"], data)
            problems.append(Problem(file, field or "(file)", error["msg"]))
        return None


def _pick(parsed: dict[str, BaseModel], file: str, schema: type[M]) -> M:
    model = parsed[file]
    if not isinstance(model, schema):  # pragma: no cover - FILE_SCHEMAS maps file to schema
        raise TypeError(f"{file} parsed as {type(model).__name__}")
    return model


def _assemble(parsed: dict[str, BaseModel]) -> ParsedFiles:
    return ParsedFiles(
        violation_types=_pick(parsed, "violation_types.toml", ViolationTypesFile),
        sanctions=_pick(parsed, "sanctions.toml", SanctionsFile),
        criminal_articles=_pick(parsed, "criminal_articles.toml", CriminalArticlesFile),
        deadlines=_pick(parsed, "deadlines.toml", DeadlinesFile),
        office_hours=_pick(parsed, "office_hours.toml", OfficeHours),
        collective_leave=_pick(parsed, "collective_leave.toml", CollectiveLeaveFile),
        requirements=_pick(parsed, "requirements.toml", RequirementsFile),
    )


def rulebook_load(*, root: Path, version: str | None = None) -> Rulebook:
    """Load, validate and cross-check one version folder (the highest when ``version`` is None).

    Raises ``RulebookInvalid`` (an ``ImproperlyConfigured``) listing every problem found.
    """
    chosen = _choose_version(root=root, version=version)
    folder = root / chosen
    problems: list[Problem] = []
    digest = hashlib.sha256()
    parsed: dict[str, BaseModel] = {}
    for extra in sorted(p.name for p in folder.glob("*.toml") if p.name not in FILE_SCHEMAS):
        problems.append(Problem(extra, "", UNKNOWN_FILE.format(names=", ".join(FILE_SCHEMAS))))
    for file in sorted(FILE_SCHEMAS):
        path = folder / file
        if not path.is_file():
            problems.append(Problem(file, "", MISSING_FILE))
            continue
        raw = path.read_bytes()
        digest.update(file.encode() + b"\0" + raw + b"\0")
        model = _parse(file=file, raw=raw, problems=problems)
        if model is not None:
            parsed[file] = model
    if problems:
        raise RulebookInvalid(version=chosen, problems=problems)
    files = _assemble(parsed)
    problems = rulebook_problems(files)
    if problems:
        raise RulebookInvalid(version=chosen, problems=problems)
    # The IKP, appeals and warnings files check themselves in their schemas; they are kept
    # apart from ``ParsedFiles`` because nothing in ``checks.py`` spans them and the others.
    ikp = _pick(parsed, "ikp.toml", IkpFile)
    return Rulebook.from_files(
        version=chosen,
        sha256=digest.hexdigest(),
        files=files,
        ikp=ikp,
        appeals=_pick(parsed, "appeals.toml", AppealsFile),
        warnings=_pick(parsed, "warnings.toml", WarningsFile),
        retention=_pick(parsed, "retention.toml", RetentionFile),
    )
