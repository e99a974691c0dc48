"""System check: the rulebook's retention rules and the registered retention kinds agree."""

from __future__ import annotations

from typing import Any

from django.core import checks

from netral.common.retention import kinds
from netral.operations.retention import CORE_KINDS, WHOLE_CASE

NO_RULE = "Retention kind {data!r} ({app}) has no rule in retention.toml, so it is never erased."
NO_KIND = "Retention rule {code!r} names data {data!r}, which no app registers."


@checks.register()
def retention_kinds_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from netral.rules.selectors import rulebook_get

    try:
        rules = rulebook_get().retention.rules
    except (OSError, ValueError):  # the rules app's own check reports a broken rulebook
        return []
    registered = {kind.data: kind for kind in kinds()}
    named = {rule.data for rule in rules}
    errors: list[checks.CheckMessage] = []
    for data, kind in sorted(registered.items()):
        if data not in named:
            app = (kind.erase_case or kind.erase_older).__module__
            errors.append(checks.Error(NO_RULE.format(data=data, app=app), id="operations.E001"))
    known = set(CORE_KINDS) | set(WHOLE_CASE) | set(registered)
    for rule in rules:
        if rule.data not in known:
            errors.append(
                checks.Error(NO_KIND.format(code=rule.code, data=rule.data), id="operations.E002")
            )
    return errors
