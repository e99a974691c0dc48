from django.apps import AppConfig


class PreventionConfig(AppConfig):
    """Prevention: guidance for ASN, neutrality pledges, appeals to regional heads, warnings.

    A feature app above follow-up (issue #11); it reads the layers below and nothing below
    imports it.
    """

    name = "netral.prevention"
    label = "prevention"
    verbose_name = "Pencegahan"

    def ready(self) -> None:
        # The staff case page tells whether each reported civil servant pledged neutrality.
        from netral.cases import hooks as case_hooks
        from netral.prevention import handlers

        case_hooks.case_sections.register(handlers.case_page_section)
