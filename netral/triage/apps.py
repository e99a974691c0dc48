from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Triage: extraction, classification and duplicate suggestions for staff, and the person
    record (issue #12).

    A feature app above follow-up; it reads the layers below and nothing below imports it.
    Suggestions never change a report by themselves: accepting one is a staff action.
    """

    name = "netral.triage"
    label = "triage"
    verbose_name = "Triase"

    def ready(self) -> None:
        # New reports get their person; the case page and the inbox flag repeat offenders.
        from netral.cases import hooks as case_hooks
        from netral.reports import hooks as report_hooks
        from netral.triage import handlers

        # In the post-intake task (``reports.received``), after the intake committed.
        report_hooks.report_received.register(handlers.link_received_report)
        case_hooks.case_sections.register(handlers.case_page_section)
        case_hooks.case_list_flags.register(handlers.case_list_flags)

        # Duplicates: each new report's signature, in the same post-intake task.
        from netral.triage.duplicates_store import on_report_received

        report_hooks.report_received.register(on_report_received)

        # Suggestions beside each report and finding on the staff report page.
        from netral.triage.suggestions_handlers import report_page_section

        report_hooks.report_sections.register(report_page_section)

        # Redaction: triage's extractors add NIKs and links to the suggestions of cases.
        from netral.cases.redaction_suggest import redaction_suggesters
        from netral.triage.redaction_suggestions import redaction_entities

        redaction_suggesters.register(redaction_entities)
