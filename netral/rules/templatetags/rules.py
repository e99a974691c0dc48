"""``{{ entry|rule_name }}``: a rulebook entry's name in the reader's language."""

from __future__ import annotations

from django import template

from netral.rules.labels import Named
from netral.rules.labels import rule_name as _rule_name

register = template.Library()


@register.filter
def rule_name(entry: Named) -> str:
    return _rule_name(entry)
