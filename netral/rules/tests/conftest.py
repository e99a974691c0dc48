"""Fixtures for the rules tests: a writable copy of the shipped rulebook."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import netral.rules

SHIPPED_DATA = Path(netral.rules.__file__).resolve().parent / "data"
SHIPPED_VERSION = "2024.1"

EditFn = Callable[[str, str, str], None]


@pytest.fixture
def rulebook_root(tmp_path: Path) -> Path:
    """A copy of netral/rules/data that a test may break."""
    root = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, root)
    return root


@pytest.fixture
def edit_rulebook(rulebook_root: Path) -> EditFn:
    """Replace one exact snippet in one file of the copied rulebook (it must occur once)."""

    def edit(file: str, old: str, new: str) -> None:
        path = rulebook_root / SHIPPED_VERSION / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return edit
