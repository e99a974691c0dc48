from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core.signals import setting_changed

# Settings that choose the rulebook: changing one (override_settings) reloads it.
RULEBOOK_SETTINGS = frozenset({"NETRAL_RULEBOOK_DIR", "NETRAL_RULEBOOK_VERSION"})


def _reset_rulebook(*, setting: str, **kwargs: Any) -> None:
    if setting in RULEBOOK_SETTINGS:
        from netral.rules.selectors import rulebook_reset

        rulebook_reset()


class RulesConfig(AppConfig):
    name = "netral.rules"
    label = "rules"
    verbose_name = "Aturan"

    def ready(self) -> None:
        from netral.rules.selectors import rulebook_get

        # Validate the rulebook at start-up: an invalid file raises ImproperlyConfigured
        # naming the file and field, before any request is served with the wrong law.
        rulebook_get()
        setting_changed.connect(_reset_rulebook, dispatch_uid="netral.rules.reset_rulebook")
