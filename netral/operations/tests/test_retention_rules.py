"""The retention rules are rulebook data: one rule per kind of data, each with its basis."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from netral.rules.schemas_retention import DATA_KINDS, RetentionFile
from netral.rules.selectors import rulebook_get


def _rule(data: str, **extra: object) -> dict[str, object]:
    return {"code": data, "data": data, "keep_days": 365, "warn_days": 30, "basis": "x", **extra}


def test_the_rulebook_has_one_unconfirmed_rule_per_kind_with_its_basis() -> None:
    rules = rulebook_get().retention.rules
    assert sorted(rule.data for rule in rules) == sorted(DATA_KINDS)
    assert all(rule.basis and not rule.confirmed for rule in rules)


def test_a_missing_kind_or_a_warning_after_expiry_is_refused() -> None:
    with pytest.raises(ValidationError, match="no retention rule for 'messages'"):
        RetentionFile.model_validate({"rules": [_rule(d) for d in DATA_KINDS if d != "messages"]})
    late = [_rule(d, warn_days=365) if d == "identity" else _rule(d) for d in DATA_KINDS]
    with pytest.raises(ValidationError, match="warn_days"):
        RetentionFile.model_validate({"rules": late})
