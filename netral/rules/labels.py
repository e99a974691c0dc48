"""The rulebook's names in the reader's language: every entry has ``name`` (Indonesian, the
law's own words) and ``name_en``; pages and the API show the English one to a visitor who chose
English. Official documents render under Indonesian and keep the law's words."""

from __future__ import annotations

from typing import Protocol

from django.utils.translation import get_language


class Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def name_en(self) -> str: ...


def rule_name(entry: Named) -> str:
    """``entry.name_en`` when the active language is English and it has one, else ``name``."""
    english = str(getattr(entry, "name_en", "") or "")
    if english and (get_language() or "").startswith("en"):
        return english
    return entry.name
