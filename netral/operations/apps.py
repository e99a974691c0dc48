"""Operations: running Netral for years (scheduled jobs, retention, backup and restore)."""

from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Operations (issue #15): the scheduler that runs every app's periodic jobs once across
    several workers, retention of what the law no longer lets an office keep, backup and
    restore.

    A feature app above follow-up: it may delete through the layers below; the jobs it runs
    are registered by their own apps in the registry of ``netral.common``.
    """

    name = "netral.operations"
    label = "operations"
    verbose_name = "Operasional"

    def ready(self) -> None:
        # The case page shows the legal hold; cases stands below and only offers the hook.
        from netral.cases import hooks as case_hooks
        from netral.operations import checks, handlers  # noqa: F401  # checks registers

        case_hooks.case_sections.register(handlers.case_page_section)
