"""The retention rules are rulebook data: one rule per kind of data, each with its basis."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from netral.common.retention import _KINDS, Erased, RetentionKind, kinds, register
from netral.operations.checks import retention_kinds_check
from netral.rules.schemas_retention import DATA_KINDS, RetentionFile
from netral.rules.selectors import rulebook_get


def _rule(data: str, **extra: object) -> dict[str, object]:
    return {"code": data, "data": data, "keep_days": 365, "warn_days": 30, "basis": "x", **extra}


def test_the_rulebook_has_one_unconfirmed_rule_per_kind_with_its_basis() -> None:
    rules = rulebook_get().retention.rules
    registered = [kind.data for kind in kinds()]
    assert sorted(rule.data for rule in rules) == sorted([*DATA_KINDS, *registered])
    assert all(rule.basis and not rule.confirmed for rule in rules)


def test_a_registered_kind_without_a_rule_or_a_rule_without_a_kind_is_a_system_error() -> None:
    assert retention_kinds_check() == []
    orphan = RetentionKind(data="orphan_kind", labels=(), erase_older=lambda scope: Erased())
    register(orphan)
    try:
        assert [error.id for error in retention_kinds_check()] == ["operations.E001"]
    finally:
        del _KINDS["orphan_kind"]


def test_two_rules_for_one_registered_kind_are_refused() -> None:
    rules = [_rule(d) for d in DATA_KINDS] + [_rule("case_notes"), _rule("case_notes")]
    rules[-1]["code"] = "again"
    with pytest.raises(ValidationError, match="two retention rules for 'case_notes'"):
        RetentionFile.model_validate({"rules": rules})


def test_a_missing_kind_or_a_warning_after_expiry_is_refused() -> None:
    with pytest.raises(ValidationError, match="no retention rule for 'messages'"):
        RetentionFile.model_validate({"rules": [_rule(d) for d in DATA_KINDS if d != "messages"]})
    late = [_rule(d, warn_days=365) if d == "identity" else _rule(d) for d in DATA_KINDS]
    with pytest.raises(ValidationError, match="warn_days"):
        RetentionFile.model_validate({"rules": late})
